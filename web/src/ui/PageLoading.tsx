import { Spin } from 'antd';

export function PageLoading() {
  return <Spin size="large" style={{ display: 'block', margin: '20vh auto' }} />;
}
