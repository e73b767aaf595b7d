/** What other modules use from payments (escrow funding calls chargeClient, then moves the funds). */
export { type Charge, type ChargeRefs, chargeTransferKey } from './charge.ts';
export { type ChargeClientInput, chargeClient, MAX_CHARGE_CENTS, SUPPORTED_CURRENCIES } from './charge-client.ts';
export type { GatewayCharge, PaymentGateway } from './gateway.ts';
export { gatewayFor } from './gateway-for.ts';
export { paymentsModule } from './module.ts';
export { isPaymentVerified, paymentVerifiedClients } from './payment-verified.ts';
export { SANDBOX_CARDS } from './sandbox-gateway.ts';
