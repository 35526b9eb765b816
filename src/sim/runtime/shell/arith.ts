/**
 * Shell arithmetic (`$(( … ))`): C-like integer expressions over shell variables, with the usual
 * precedence, `?:`, assignments and `++`/`--`. Values are 64-bit in real shells; JavaScript numbers
 * (truncated to integers) are enough here.
 */

/** Variable access for arithmetic. */
export interface ArithScope {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

/** An arithmetic error (syntax, division by zero); the message is what shells print. */
export class ArithError extends Error {}

type Tok = { t: "num"; v: number } | { t: "name"; v: string } | { t: "op"; v: string };

const OPS = [
  "<<=",
  ">>=",
  "**",
  "++",
  "--",
  "<<",
  ">>",
  "<=",
  ">=",
  "==",
  "!=",
  "&&",
  "||",
  "+=",
  "-=",
  "*=",
  "/=",
  "%=",
  "&=",
  "^=",
  "|=",
  "+",
  "-",
  "*",
  "/",
  "%",
  "<",
  ">",
  "!",
  "~",
  "&",
  "^",
  "|",
  "?",
  ":",
  "=",
  "(",
  ")",
  ",",
];

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const num = /^(0[xX][0-9a-fA-F]+|\d+)/.exec(src.slice(i));
    if (num) {
      const text = num[1]!;
      const v = /^0[xX]/.test(text)
        ? Number.parseInt(text, 16)
        : /^0\d/.test(text)
          ? Number.parseInt(text, 8)
          : Number(text);
      if (Number.isNaN(v)) throw new ArithError("arithmetic syntax error");
      out.push({ t: "num", v });
      i += text.length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (name) {
      out.push({ t: "name", v: name[0] });
      i += name[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new ArithError("arithmetic syntax error");
    out.push({ t: "op", v: op });
    i += op.length;
  }
  return out;
}

const BINARY: Record<string, number> = {
  "||": 1,
  "&&": 2,
  "|": 3,
  "^": 4,
  "&": 5,
  "==": 6,
  "!=": 6,
  "<": 7,
  "<=": 7,
  ">": 7,
  ">=": 7,
  "<<": 8,
  ">>": 8,
  "+": 9,
  "-": 9,
  "*": 10,
  "/": 10,
  "%": 10,
  "**": 11,
};

/** Evaluates an arithmetic expression; throws ArithError. */
export function evalArith(src: string, scope: ArithScope): number {
  const toks = tokenize(src);
  let i = 0;
  const peek = () => toks[i];
  const isOp = (v: string) => {
    const t = toks[i];
    return t?.t === "op" && t.v === v;
  };
  const varValue = (name: string, depth = 0): number => {
    const raw = (scope.get(name) ?? "").trim();
    if (raw === "") return 0;
    if (/^-?(0[xX][0-9a-fA-F]+|\d+)$/.test(raw)) {
      const neg = raw.startsWith("-");
      const body = neg ? raw.slice(1) : raw;
      const v = /^0[xX]/.test(body)
        ? Number.parseInt(body, 16)
        : /^0\d/.test(body)
          ? Number.parseInt(body, 8)
          : Number(body);
      return neg ? -v : v;
    }
    if (depth < 8 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(raw)) return varValue(raw, depth + 1);
    throw new ArithError(`arithmetic syntax error`);
  };
  const assign = (name: string, v: number): number => {
    scope.set(name, String(v));
    return v;
  };

  const expr = (): number => {
    let v = assignment();
    while (isOp(",")) {
      i++;
      v = assignment();
    }
    return v;
  };

  const assignment = (): number => {
    const t = peek();
    const n = toks[i + 1];
    if (t?.t === "name" && n?.t === "op" && /^([-+*/%&^|]|<<|>>)?=$/.test(n.v)) {
      i += 2;
      const rhs = assignment();
      if (n.v === "=") return assign(t.v, rhs);
      return assign(t.v, binary(n.v.slice(0, -1), varValue(t.v), rhs));
    }
    return ternary();
  };

  const ternary = (): number => {
    const c = binaryExpr(1);
    if (!isOp("?")) return c;
    i++;
    const a = assignment();
    if (!isOp(":")) throw new ArithError("arithmetic syntax error");
    i++;
    const b = assignment();
    return c ? a : b;
  };

  const binaryExpr = (minPrec: number): number => {
    let left = unary();
    for (;;) {
      const t = peek();
      if (t?.t !== "op") break;
      const prec = BINARY[t.v];
      if (prec === undefined || prec < minPrec) break;
      i++;
      const right = binaryExpr(t.v === "**" ? prec : prec + 1);
      left = binary(t.v, left, right);
    }
    return left;
  };

  const unary = (): number => {
    const t = peek();
    if (t?.t === "op") {
      if (t.v === "++" || t.v === "--") {
        i++;
        const n = peek();
        if (n?.t !== "name") throw new ArithError("arithmetic syntax error");
        i++;
        return assign(n.v, varValue(n.v) + (t.v === "++" ? 1 : -1));
      }
      if (t.v === "-" || t.v === "+" || t.v === "!" || t.v === "~") {
        i++;
        const v = unary();
        return t.v === "-" ? -v : t.v === "+" ? v : t.v === "!" ? Number(!v) : ~v;
      }
      if (t.v === "(") {
        i++;
        const v = expr();
        if (!isOp(")")) throw new ArithError("arithmetic syntax error");
        i++;
        return v;
      }
    }
    if (t?.t === "num") {
      i++;
      return t.v;
    }
    if (t?.t === "name") {
      i++;
      if (isOp("++") || isOp("--")) {
        const old = varValue(t.v);
        assign(t.v, old + (peek()!.v === "++" ? 1 : -1));
        i++;
        return old;
      }
      return varValue(t.v);
    }
    throw new ArithError("arithmetic syntax error");
  };

  if (toks.length === 0) return 0;
  const v = expr();
  if (i < toks.length) throw new ArithError("arithmetic syntax error");
  return v;
}

function binary(op: string, a: number, b: number): number {
  switch (op) {
    case "||":
      return Number(!!a || !!b);
    case "&&":
      return Number(!!a && !!b);
    case "|":
      return a | b;
    case "^":
      return a ^ b;
    case "&":
      return a & b;
    case "==":
      return Number(a === b);
    case "!=":
      return Number(a !== b);
    case "<":
      return Number(a < b);
    case "<=":
      return Number(a <= b);
    case ">":
      return Number(a > b);
    case ">=":
      return Number(a >= b);
    case "<<":
      return a << b;
    case ">>":
      return a >> b;
    case "+":
      return a + b;
    case "-":
      return a - b;
    case "*":
      return a * b;
    case "**":
      return a ** b;
    case "/":
    case "%":
      if (b === 0) throw new ArithError("division by zero");
      return op === "/" ? Math.trunc(a / b) : a % b;
  }
  throw new ArithError("arithmetic syntax error");
}
