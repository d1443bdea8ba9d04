using System.Globalization;
using System.Text.RegularExpressions;
using Amqp;

namespace LocalServiceBus.Entities;

/// <summary>
/// The part of Service Bus's SQL filter grammar local configurations use: comparisons (= &lt;&gt; != &lt; &gt; &lt;= &gt;=),
/// AND/OR/NOT, parentheses, IS [NOT] NULL, IN (...), string/number/TRUE/FALSE literals, <c>sys.</c> and <c>user.</c>
/// properties (a bare name is a user property). Anything else fails when the config is read, naming the expression.
/// </summary>
internal sealed partial class SqlFilter
{
    private readonly Func<Message, object?> _root;

    private SqlFilter(Func<Message, object?> root) => _root = root;

    public static SqlFilter Parse(string expression)
    {
        var parser = new Parser(Tokenize(expression), expression);
        var root = parser.ParseOr();
        parser.ExpectEnd();
        return new SqlFilter(root);
    }

    public bool Matches(Message message) => _root(message) is true;

    [GeneratedRegex(@"\s*(?:(?<s>'(?:[^']|'')*')|(?<n>\d+(?:\.\d+)?)|(?<o><>|!=|<=|>=|=|<|>|\(|\)|,)|(?<w>[A-Za-z_][\w.]*))", RegexOptions.CultureInvariant)]
    private static partial Regex TokenPattern();

    private static List<string> Tokenize(string expression)
    {
        var tokens = new List<string>();
        var position = 0;
        while (position < expression.Length)
        {
            if (char.IsWhiteSpace(expression[position]))
            {
                position++;
                continue;
            }

            var match = TokenPattern().Match(expression, position);
            if (!match.Success || match.Index != position)
            {
                throw new FormatException($"SqlExpression '{expression}': unexpected character at {position}.");
            }

            tokens.Add(match.Value.Trim());
            position += match.Length;
        }

        return tokens;
    }

    private sealed class Parser(List<string> tokens, string expression)
    {
        private int _index;

        private string? Peek => _index < tokens.Count ? tokens[_index] : null;

        public void ExpectEnd()
        {
            if (Peek is not null)
            {
                throw Error($"unexpected '{Peek}'");
            }
        }

        public Func<Message, object?> ParseOr()
        {
            var left = ParseAnd();
            while (Is("OR"))
            {
                var (l, r) = (left, ParseAnd());
                left = m => l(m) is true || r(m) is true;
            }

            return left;
        }

        private Func<Message, object?> ParseAnd()
        {
            var left = ParseNot();
            while (Is("AND"))
            {
                var (l, r) = (left, ParseNot());
                left = m => l(m) is true && r(m) is true;
            }

            return left;
        }

        private Func<Message, object?> ParseNot()
        {
            if (Is("NOT"))
            {
                var inner = ParseNot();
                return m => inner(m) is not true;
            }

            return ParseComparison();
        }

        private Func<Message, object?> ParseComparison()
        {
            var left = ParseOperand();
            if (Is("IS"))
            {
                var negate = Is("NOT");
                Expect("NULL");
                return m => (left(m) is null) != negate;
            }

            if (Is("IN"))
            {
                Expect("(");
                var values = new List<Func<Message, object?>> { ParseOperand() };
                while (Is(","))
                {
                    values.Add(ParseOperand());
                }

                Expect(")");
                return m => values.Any(v => Compare(left(m), v(m)) == 0);
            }

            if (Peek is "=" or "<>" or "!=" or "<" or ">" or "<=" or ">=")
            {
                var op = tokens[_index++];
                var right = ParseOperand();
                return m => Compare(left(m), right(m)) is { } c && op switch
                {
                    "=" => c == 0,
                    "<>" or "!=" => c != 0,
                    "<" => c < 0,
                    ">" => c > 0,
                    "<=" => c <= 0,
                    _ => c >= 0,
                };
            }

            return left;
        }

        private Func<Message, object?> ParseOperand()
        {
            var token = Peek ?? throw Error("unexpected end");
            _index++;
            if (token == "(")
            {
                var inner = ParseOr();
                Expect(")");
                return inner;
            }

            if (token.StartsWith('\''))
            {
                var text = token[1..^1].Replace("''", "'", StringComparison.Ordinal);
                return _ => text;
            }

            if (char.IsDigit(token[0]))
            {
                var number = double.Parse(token, CultureInfo.InvariantCulture);
                return _ => number;
            }

            if (token.Equals("TRUE", StringComparison.OrdinalIgnoreCase) || token.Equals("FALSE", StringComparison.OrdinalIgnoreCase))
            {
                var value = token.Equals("TRUE", StringComparison.OrdinalIgnoreCase);
                return _ => value;
            }

            if (token.StartsWith("sys.", StringComparison.OrdinalIgnoreCase))
            {
                var name = token[4..];
                return m => SubscriptionRule.SystemProperty(m, name);
            }

            var property = token.StartsWith("user.", StringComparison.OrdinalIgnoreCase) ? token[5..] : token;
            return m => m.ApplicationProperties?[property];
        }

        private static int? Compare(object? left, object? right)
        {
            if (left is null || right is null)
            {
                return null;
            }

            if (IsNumber(left) && IsNumber(right))
            {
                return Convert.ToDouble(left, CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(right, CultureInfo.InvariantCulture));
            }

            if (left is bool lb && right is bool rb)
            {
                return lb.CompareTo(rb);
            }

            return string.CompareOrdinal(Convert.ToString(left, CultureInfo.InvariantCulture), Convert.ToString(right, CultureInfo.InvariantCulture));
        }

        private static bool IsNumber(object value) => value is sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal;

        private bool Is(string keyword)
        {
            if (Peek is { } token && token.Equals(keyword, StringComparison.OrdinalIgnoreCase))
            {
                _index++;
                return true;
            }

            return false;
        }

        private void Expect(string keyword)
        {
            if (!Is(keyword))
            {
                throw Error($"expected '{keyword}'");
            }
        }

        private FormatException Error(string what) =>
            new($"SqlExpression '{expression}': {what}; supported: comparisons, AND, OR, NOT, IS [NOT] NULL, IN, sys./user. properties, literals.");
    }
}
