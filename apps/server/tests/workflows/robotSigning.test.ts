import { describe, expect, it } from 'vitest';
import {
  dingtalkSignature,
  feishuSignature,
  standardWebhookSignature,
} from '../../src/workflows/robotSigning.ts';

// Known answers. Each expected value was computed by the platform's own published sample code (not by
// ours), with the fixed inputs shown, so these tests fail if our reading of an algorithm drifts.
describe('robot signatures, known answers', () => {
  it('DingTalk 加签: Base64 HmacSHA256(secret, timestamp + "\\n" + secret), as its Python sample computes', () => {
    // hmac.new(secret, f"{timestamp}\n{secret}", sha256) → base64 → urllib.parse.quote_plus
    const secret = 'SECa1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2';
    const sign = dingtalkSignature(secret, 1700000000004);
    expect(sign).toBe('j1NtlLFEMtINjQO/uAY+yujRrQVz+U1y5pdduT1v+3w=');
    expect(new URLSearchParams({ sign }).toString()).toBe(
      'sign=j1NtlLFEMtINjQO%2FuAY%2ByujRrQVz%2BU1y5pdduT1v%2B3w%3D',
    );
  });

  it('Feishu 签名校验: Base64 HmacSHA256 keyed with timestamp + "\\n" + secret over "", as its Python sample computes', () => {
    expect(feishuSignature('demo-secret', 1700000000)).toBe('mYHw2R2SOm8Rw/sne3lQdmz4sOfntKR+1P/8RKKTwmA=');
  });

  it('Standard Webhooks v1: the test vector of the reference library (standard-webhooks, "sign function works")', () => {
    expect(
      standardWebhookSignature(
        'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        'msg_p5jXN8AQM9LWM0D4loKWxJek',
        1614265330,
        '{"test": 2432232314}',
      ),
    ).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
    // The reference library accepts the secret with or without its prefix.
    expect(
      standardWebhookSignature(
        'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        'msg_p5jXN8AQM9LWM0D4loKWxJek',
        1614265330,
        '{"test": 2432232314}',
      ),
    ).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });
});
