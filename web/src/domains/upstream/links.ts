/** The public page a traceability label opens: absolute, since it is read by a phone's camera. */
export const storeProductUrl = (productId: string) =>
  `${window.location.origin}/store/p/${encodeURIComponent(productId)}`;
