using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.ConnectionStrings;
using PgGuard.Analyzers.Diagnostics;

namespace PgGuard.Analyzers.Rules
{
    /// <summary>
    /// PG0011: what Npgsql rejects at run time (NPGSQL.md §3): a URI, a malformed string, an unknown keyword (with the
    /// Npgsql spelling for known foreign ones), a value that does not convert; and libpq's space-separated form, which
    /// Npgsql accepts as one odd Host value. Reported for local connections too: they fail just the same.
    /// </summary>
    public static class InvalidConnectionStringRule
    {
        public static void Analyze(ConnectionStringContext context, List<Finding> findings)
        {
            var model = context.Model;
            if (model.Text is { } located && PostgresUri.Scheme(located.Text) is { } scheme)
            {
                findings.Add(Finding.At(Descriptors.UriConnectionString, WholeText(located.Text), scheme + "://"));
                return;
            }

            foreach (var setting in model.Settings)
            {
                if (setting.KeyHasHole || setting.Origin is not null)
                {
                    continue;
                }

                if (setting.Keyword is null)
                {
                    findings.Add(UnknownKeyword(setting));
                }
                else if (setting.ConversionError is { } error && !setting.ValueHasHole)
                {
                    findings.Add(InvalidValue(setting, error));
                }
            }

            if (model.SyntaxErrorIndex is { } index && model.Text is { } text)
            {
                findings.Add(Finding.At(Descriptors.MalformedConnectionString, ErrorSpan(text.Text, index), Reason(text.Text, index)));
            }

            var host = model.GetEffective(NpgsqlKeywords.Host);
            if (host.IsKnown && ConnectionStringContext.IsLibpqHost(host.Text!) && model.Text is { } libpq)
            {
                findings.Add(Finding.At(Descriptors.LibpqConnectionString, WholeText(libpq.Text)));
            }
        }

        private static Finding UnknownKeyword(ConnectionStringSetting setting)
        {
            var key = MessageText.SafeKey(setting.Key) ?? "…";
            var advice = string.Empty;
            var edit = default(FindingEdit);
            if (ForeignKeywords.TrySuggest(setting.Key, out var suggestion, out var note))
            {
                if (suggestion is not null)
                {
                    advice = "; use '" + suggestion + "'";
                    edit = new FindingEdit(EditKind.Replace, setting.KeySpan, suggestion);
                }
                else if (note is not null)
                {
                    advice = "; " + note;
                }
            }

            return Finding.On(Descriptors.UnknownKeyword, setting, FindingPart.Key, key, advice).WithEdit(edit);
        }

        private static Finding InvalidValue(ConnectionStringSetting setting, string error)
        {
            var keyword = setting.Keyword!;
            var value = keyword.IsSecret ? "…" : MessageText.Value(setting.Value ?? string.Empty);
            var suggestion = setting.Value is null ? null : ForeignKeywords.SuggestEnumValue(keyword, setting.Value);
            var advice = suggestion is null ? "; " + error : "; use '" + suggestion + "'";
            var finding = Finding.On(Descriptors.InvalidValue, setting, FindingPart.Value, value, setting.Key, advice);
            return suggestion is null ? finding : finding.WithEdit(SettingEdits.ReplaceValue(setting, suggestion));
        }

        private static TextSpan WholeText(string text)
        {
            var start = 0;
            var end = text.Length;
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            while (end > start && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            return TextSpan.FromBounds(start, end);
        }

        /// <summary>From the failing position to the end of that pair (the next ';' outside quotes), at least one char.</summary>
        private static TextSpan ErrorSpan(string text, int index)
        {
            if (index >= text.Length)
            {
                return new TextSpan(text.Length > 0 ? text.Length - 1 : 0, text.Length > 0 ? 1 : 0);
            }

            var end = index;
            var quote = '\0';
            while (end < text.Length)
            {
                var c = text[end];
                if (quote != '\0')
                {
                    quote = c == quote ? '\0' : quote;
                }
                else if (c == '\'' || c == '"')
                {
                    quote = c;
                }
                else if (c == ';')
                {
                    break;
                }

                end++;
            }

            while (end > index + 1 && char.IsWhiteSpace(text[end - 1]))
            {
                end--;
            }

            return TextSpan.FromBounds(index, end);
        }

        /// <summary>A fixed phrase (never the text itself, which may hold a password) saying what went wrong.</summary>
        private static string Reason(string text, int index)
        {
            var span = ErrorSpan(text, index);
            var piece = text.Substring(span.Start, span.Length);
            if (piece.Length > 0 && char.IsControl(piece[0]) && !char.IsWhiteSpace(piece[0]))
            {
                return "it contains a control character";
            }

            var equals = piece.IndexOf('=');
            if (equals < 0)
            {
                return "a setting has no '=value'";
            }

            if (piece.IndexOf('\'') >= 0 || piece.IndexOf('"') >= 0)
            {
                return "a quoted value is not closed, is followed by text, or a value ends with a quote";
            }

            return equals + 1 < piece.Length && piece[equals + 1] == '=' ? "a value starts with '=' and must be quoted" : "a setting cannot be read";
        }
    }
}
