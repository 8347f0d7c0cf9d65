/**
 * Kerio's JSON-RPC error shapes (protocol notes §2). Call-level errors carry their placeholder values under
 * `error.data.messageParameters`; per-item errors of mass methods carry them directly on the item
 * (`result.errors[].messageParameters`), which is how the official PHP SDK reads them (§2.2).
 */

export interface MessageParameters {
  positionalParameters: string[];
  plurality: number;
}

export interface CallErrorBody {
  code: number;
  message: string;
  data: { messageParameters: MessageParameters };
}

export interface ItemError {
  inputIndex: number;
  code: number;
  message: string;
  messageParameters: MessageParameters;
}

/** A message template with `%1`, `%2`... placeholders, as Kerio keeps them unformatted on the wire. */
export interface KerioMessage {
  code: number;
  message: string;
}

/**
 * Every code and text the simulators send, in one place so the README and the console's client can point at it.
 * Texts quoted by a source are marked [C]; the others are our wording in Kerio's style [I] (notes §2.3).
 */
export const KERIO_MESSAGES = {
  /** [C] notes §2.3 (-32700 parse error); text in Kerio's trailing-period style [I]. */
  parseError: { code: -32700, message: "Parse error." },
  /** [C] code §2.3; text [I]. */
  invalidRequest: { code: -32600, message: "Invalid request." },
  /** [C] code §2.3 (JSON-RPC spec, the console falls back on it for getNextValidNumber); text [I]. */
  methodNotFound: { code: -32601, message: "Method not found." },
  /** [C] code §2.3; text as Control's 8001 "Invalid params." [C S5]. */
  invalidParams: { code: -32602, message: "Invalid params." },
  /** [C] §1.5: missing, unknown or timed-out session, missing cookie or X-Token. */
  sessionExpired: { code: -32001, message: "Session expired." },
  /** [C] §1.5 (S22): Connect 10 answers a call with neither cookie nor token this way. */
  anonymous: { code: -32001, message: "User Anonymous does not have administrator rights" },
  /** Text [C] (GFI KB 130018, Connect); the code is not documented anywhere, ours [I]. */
  loginFailed: { code: -32000, message: "Username or password is not correct." },
  /** [C] §2.3 code 413 "request too large" (S17); text [I]. */
  requestTooLarge: { code: 413, message: "Request too large." },
  /** [C] §2.3 generic application failure. */
  operationFailed: { code: 1000, message: "Operation failed." },
  /** [C] project decision: duplicate telNum on Extensions.create is 1001 "Already exists.". */
  alreadyExists: { code: 1001, message: "Already exists." },
} as const satisfies Record<string, KerioMessage>;

export function messageParameters(
  positional: readonly (string | number)[] = [],
  plurality = 1,
): MessageParameters {
  return { positionalParameters: positional.map(String), plurality };
}

/** Thrown by method handlers; the server turns it into the call-level `error` member. */
export class KerioRpcError extends Error {
  readonly code: number;
  readonly positionalParameters: string[];
  readonly plurality: number;

  constructor(template: KerioMessage, positional: readonly (string | number)[] = [], plurality = 1) {
    super(template.message);
    this.code = template.code;
    this.positionalParameters = positional.map(String);
    this.plurality = plurality;
  }

  toBody(): CallErrorBody {
    return {
      code: this.code,
      message: this.message,
      data: { messageParameters: messageParameters(this.positionalParameters, this.plurality) },
    };
  }
}

export function invalidParams(): KerioRpcError {
  return new KerioRpcError(KERIO_MESSAGES.invalidParams);
}

export function itemError(
  inputIndex: number,
  template: KerioMessage,
  positional: readonly (string | number)[] = [],
): ItemError {
  return {
    inputIndex,
    code: template.code,
    message: template.message,
    messageParameters: messageParameters(positional),
  };
}

/** Fills `%1`, `%2`... the way the PHP SDK does, for tests and logs (Kerio itself never sends it filled). */
export function formatKerioMessage(message: string, positional: readonly string[]): string {
  return message.replace(/%(\d+)/g, (whole, index: string) => positional[Number(index) - 1] ?? whole);
}
