import { describeRequestError, withTimeout } from './grafana';

describe('Grafana API errors', () => {
  it('name the call, the status and Grafana’s message', () => {
    const request = { method: 'PUT' as const, url: '/api/x' };
    expect(describeRequestError(request, { status: 400, data: { message: 'invalid rule' } }).message).toBe(
      'PUT /api/x failed (HTTP 400): invalid rule'
    );
    expect(describeRequestError(request, { status: 502, data: '', statusText: 'Bad Gateway' }).message).toBe(
      'PUT /api/x failed (HTTP 502): Bad Gateway'
    );
    expect(describeRequestError({ url: '/api/y' }, new Error('offline')).message).toBe('GET /api/y failed: offline');
  });

  it('time out a promise that never settles', async () => {
    jest.useFakeTimers();
    const pending = withTimeout(new Promise(() => undefined), 1000, 'no answer within 1 s');
    jest.advanceTimersByTime(1000);
    await expect(pending).rejects.toThrow('no answer within 1 s');
    jest.useRealTimers();
    await expect(withTimeout(Promise.resolve(3), 1000, 'x')).resolves.toBe(3);
  });
});
