type Hook = ((chargeId: string) => Promise<void>) | null;

/**
 * Test seams for crash simulation: a test sets a hook that throws, the way a process killed at
 * that moment would leave things (before the gateway call, or between it and the ledger).
 * Always null in production.
 */
export const paymentFaults: { beforeGatewayCall: Hook; afterGatewayCall: Hook } = {
  beforeGatewayCall: null,
  afterGatewayCall: null,
};
