namespace Operator.Scaling.Modifiers;

/// <summary>
/// JavaScript helpers the translated formula calls. They keep expr-lang's runtime semantics where JavaScript
/// differs: arithmetic on nil fails instead of coercing, <c>%</c> is integer modulo, <c>round</c> rounds half away
/// from zero (Go's <c>math.Round</c>), <c>int</c> truncates, negative indexes count from the end.
/// </summary>
internal static class FormulaRuntime
{
    public const string Prelude = """
        "use strict";
        function $type(x) {
          if (x === null || x === undefined) return "<nil>";
          if (Array.isArray(x)) return "[]interface {}";
          if (typeof x === "boolean") return "bool";
          return "float64";
        }
        function $fail(message) { throw new Error(message); }
        function $num2(op, a, b) {
          if (typeof a !== "number" || typeof b !== "number")
            $fail("invalid operation: " + $type(a) + " " + op + " " + $type(b));
        }
        function $num1(name, x) {
          if (typeof x !== "number") $fail("invalid argument for " + name + " (type " + $type(x) + ")");
          return x;
        }
        function $bool(op, x) {
          if (typeof x !== "boolean") $fail("invalid operation: " + op + " (mismatched type " + $type(x) + ")");
          return x;
        }
        function $neg(op, x) { $num1(op, x); return op === "-" ? -x : x; }
        function $arith(op, a, b) {
          $num2(op, a, b);
          switch (op) {
            case "+": return a + b;
            case "-": return a - b;
            case "*": return a * b;
            case "/": return a / b;
            case "%":
              if (Math.trunc(b) === 0) $fail("integer divide by zero");
              return Math.trunc(a) % Math.trunc(b);
            default: return Math.pow(a, b);
          }
        }
        function $cmp(op, a, b) {
          $num2(op, a, b);
          switch (op) {
            case "<": return a < b;
            case ">": return a > b;
            case "<=": return a <= b;
            default: return a >= b;
          }
        }
        function $eq(a, b) {
          if (a === undefined) a = null;
          if (b === undefined) b = null;
          if (Array.isArray(a) && Array.isArray(b))
            return a.length === b.length && a.every((x, i) => $eq(x, b[i]));
          return a === b;
        }
        function $in(x, arr) {
          if (!Array.isArray(arr)) $fail("operator \"in\" not defined on " + $type(arr));
          return arr.some(y => $eq(x, y));
        }
        function $range(a, b) {
          $num2("..", a, b);
          if (b - a > 10000) $fail("range too large");
          const out = [];
          for (let i = a; i <= b; i++) out.push(i);
          return out;
        }
        function $index(arr, i) {
          if (!Array.isArray(arr)) $fail("cannot fetch " + i + " from " + $type(arr));
          const j = i < 0 ? arr.length + i : i;
          if (j < 0 || j >= arr.length) $fail("index out of range: " + i + " (array length is " + arr.length + ")");
          return arr[j];
        }
        function $float(x) { return $num1("float", x); }
        function $int(x) { return Math.trunc($num1("int", x)); }
        function $abs(x) { return Math.abs($num1("abs", x)); }
        function $ceil(x) { return Math.ceil($num1("ceil", x)); }
        function $floor(x) { return Math.floor($num1("floor", x)); }
        function $round(x) { $num1("round", x); return Math.sign(x) * Math.round(Math.abs(x)); }
        function $array(name, arr) {
          if (!Array.isArray(arr)) $fail("invalid argument for " + name + " (type " + $type(arr) + ")");
          return arr;
        }
        function $extreme(name, args, better) {
          const items = args.length === 1 && Array.isArray(args[0]) ? args[0] : args;
          if (items.length === 0) $fail("not enough arguments to call " + name);
          let best = $num1(name, items[0]);
          for (let i = 1; i < items.length; i++) if (better($num1(name, items[i]), best)) best = items[i];
          return best;
        }
        function $max(...args) { return $extreme("max", args, (a, b) => a > b); }
        function $min(...args) { return $extreme("min", args, (a, b) => a < b); }
        function $sum(arr) { return $array("sum", arr).reduce((s, x) => s + $num1("sum", x), 0); }
        function $mean(arr) { $array("mean", arr); return arr.length === 0 ? 0 : $sum(arr) / arr.length; }
        function $median(arr) {
          const s = $array("median", arr).map(x => $num1("median", x)).sort((a, b) => a - b);
          if (s.length === 0) return 0;
          const m = s.length >> 1;
          return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
        }
        function $len(arr) { return $array("len", arr).length; }
        function $pred(name, arr, f) { return $array(name, arr).map(x => $bool(name, f(x))); }
        function $count(arr, f) { return $pred("count", arr, f).filter(x => x).length; }
        function $all(arr, f) { return $pred("all", arr, f).every(x => x); }
        function $any(arr, f) { return $pred("any", arr, f).some(x => x); }
        function $none(arr, f) { return !$pred("none", arr, f).some(x => x); }
        function $one(arr, f) { return $pred("one", arr, f).filter(x => x).length === 1; }
        function $filter(arr, f) { const keep = $pred("filter", arr, f); return arr.filter((_, i) => keep[i]); }
        function $map(arr, f) { return $array("map", arr).map(f); }
        """;
}
