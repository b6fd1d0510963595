using System.Collections.Generic;
using PgGuard.Analyzers.ConnectionStrings;
using PgGuard.Analyzers.Diagnostics;

namespace PgGuard.Analyzers.Rules
{
    /// <summary>
    /// PG0006: Password / SSL Password with a literal value, in C# or in a non-development config file. Placeholders
    /// that a deployment substitutes (<c>{0}</c>, <c>${VAR}</c>, <c>%VAR%</c>, <c>&lt;password&gt;</c>, <c>@param</c>,
    /// <c>$(Var)</c>, <c>#{Var}#</c>, <c>__VAR__</c>) and empty values are not secrets.
    /// </summary>
    public static class HardcodedPasswordRule
    {
        public static void Analyze(ConnectionStringContext context, List<Finding> findings)
        {
            if (context.IsDevelopmentConfig)
            {
                return;
            }

            if (context.Model.Text is { } text && PostgresUri.PasswordSpan(text.Text) is { } uriPassword)
            {
                if (IsLiteralSecret(text.Text.Substring(uriPassword.Start, uriPassword.Length)) && !text.ContainsHole(uriPassword.Start, uriPassword.Length))
                {
                    findings.Add(Finding.At(Descriptors.HardcodedPassword, uriPassword, "URI password"));
                }

                return;
            }

            Check(context, NpgsqlKeywords.Password, findings);
            Check(context, NpgsqlKeywords.SslPassword, findings);
        }

        private static void Check(ConnectionStringContext context, NpgsqlKeyword keyword, List<Finding> findings)
        {
            var password = context.Model.GetEffective(keyword);
            if (password.IsKnown && IsLiteralSecret(password.Text!))
            {
                findings.Add(Finding.On(Descriptors.HardcodedPassword, password.Setting!, FindingPart.Value, password.Setting!.Key));
            }
        }

        public static bool IsLiteralSecret(string value)
        {
            var v = value.Trim();
            if (v.Length == 0)
            {
                return false;
            }

            return !(IsWrapped(v, "{", "}") || IsWrapped(v, "${", "}") || IsWrapped(v, "$(", ")") || IsWrapped(v, "#{", "}#") ||
                     IsWrapped(v, "%", "%") || IsWrapped(v, "<", ">") || IsWrapped(v, "__", "__") || IsWrapped(v, "[", "]") ||
                     IsParameter(v));
        }

        private static bool IsWrapped(string v, string open, string close) =>
            v.Length > open.Length + close.Length && v.StartsWith(open, System.StringComparison.Ordinal) && v.EndsWith(close, System.StringComparison.Ordinal);

        /// <summary>A SQL-style parameter name such as <c>@password</c> or <c>:password</c>.</summary>
        private static bool IsParameter(string v)
        {
            if (v.Length < 2 || (v[0] != '@' && v[0] != ':'))
            {
                return false;
            }

            for (var i = 1; i < v.Length; i++)
            {
                if (!char.IsLetterOrDigit(v[i]) && v[i] != '_')
                {
                    return false;
                }
            }

            return true;
        }
    }
}
