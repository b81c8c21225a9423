/** Technical support: partners' tickets to their county centre, and response times. */
export { type Ticket, type TicketStats, ticketStats } from './tickets.ts';
