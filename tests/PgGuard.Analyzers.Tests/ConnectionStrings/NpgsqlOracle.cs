using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Npgsql;
using PgGuard.Analyzers.ConnectionStrings;

namespace PgGuard.Analyzers.Tests.ConnectionStrings
{
    /// <summary>One pair as a tokenizer read it: lower-cased key, unescaped value (null = removed), consumed slice.</summary>
    internal sealed record RawPair(string Key, string? Value, int SegmentStart, int SegmentLength);

    /// <summary>What a connection string parses to: accepted or not, the syntax error index, the builder's values.</summary>
    internal sealed record Outcome(bool Accepted, int? SyntaxErrorIndex, IReadOnlyDictionary<string, string>? Normalized)
    {
        public string Describe() => Accepted
            ? "accepted {" + string.Join("; ", Normalized!.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + Escape(p.Value))) + "}"
            : SyntaxErrorIndex is { } index ? "syntax error at " + index : "rejected";

        public static string Escape(string? s) => s is null
            ? "<null>"
            : s.Length > 200 ? Escape(s.Substring(0, 200)) + "…(" + s.Length + ")" : string.Concat(s.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:X4}" : c.ToString()));
    }

    /// <summary>The ground truth, live: Npgsql 10.0.3's builder and System.Data.Common's tokenizer on .NET 10.</summary>
    internal static class NpgsqlOracle
    {
        private const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;
        private const string SyntaxMessage = "Format of the initialization string does not conform to specification starting at index ";

        private static readonly Type OptionsType =
            typeof(System.Data.Common.DbConnectionStringBuilder).Assembly.GetType("System.Data.Common.DbConnectionOptions", throwOnError: true)!;

        /// <summary>new NpgsqlConnectionStringBuilder(cs), with the invariant culture Npgsql's int.Parse is then run in.</summary>
        public static Outcome Parse(string connectionString)
        {
            var culture = CultureInfo.CurrentCulture;
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            try
            {
                var builder = new NpgsqlConnectionStringBuilder(connectionString);
                var normalized = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (string key in builder.Keys)
                {
                    normalized[key] = Convert.ToString(builder[key], CultureInfo.InvariantCulture)!;
                }

                return new Outcome(true, null, normalized);
            }
            catch (ArgumentException e) when (e.Message.StartsWith(SyntaxMessage, StringComparison.Ordinal))
            {
                return new Outcome(false, SyntaxIndex(e.Message), null);
            }
            catch (Exception)
            {
                return new Outcome(false, null, null);
            }
            finally
            {
                CultureInfo.CurrentCulture = culture;
            }
        }

        /// <summary>The pairs System.Data.Common.DbConnectionOptions reads (its internal _keyChain), or the syntax error index.</summary>
        public static (IReadOnlyList<RawPair>? Pairs, int? ErrorIndex) Tokenize(string connectionString)
        {
            object options;
            try
            {
                options = Activator.CreateInstance(OptionsType, Any, null, new object?[] { connectionString, null, false }, null)!;
            }
            catch (TargetInvocationException e) when (e.InnerException is ArgumentException inner && inner.Message.StartsWith(SyntaxMessage, StringComparison.Ordinal))
            {
                return (null, SyntaxIndex(inner.Message));
            }

            var pairs = new List<RawPair>();
            var position = 0;
            for (var pair = OptionsType.GetField("_keyChain", Any)!.GetValue(options); pair is not null; pair = pair.GetType().GetProperty("Next", Any)!.GetValue(pair))
            {
                var type = pair.GetType();
                var length = (int)type.GetField("_length", Any)!.GetValue(pair)!;
                pairs.Add(new RawPair((string)type.GetProperty("Name", Any)!.GetValue(pair)!, (string?)type.GetProperty("Value", Any)!.GetValue(pair), position, length));
                position += length;
            }

            return (pairs, null);
        }

        /// <summary>Sets one keyword through the builder's indexer (the same conversion the parser applies); null when rejected.</summary>
        public static string? Set(NpgsqlKeyword keyword, string value)
        {
            var culture = CultureInfo.CurrentCulture;
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            try
            {
                var builder = new NpgsqlConnectionStringBuilder();
                builder[keyword.CanonicalName] = value;
                return Convert.ToString(builder[keyword.CanonicalName], CultureInfo.InvariantCulture);
            }
            catch (ArgumentException)
            {
                return null;
            }
            finally
            {
                CultureInfo.CurrentCulture = culture;
            }
        }

        private static int SyntaxIndex(string message) =>
            int.Parse(message.Substring(SyntaxMessage.Length).TrimEnd('.'), CultureInfo.InvariantCulture);
    }

    /// <summary>The same questions answered by our parser.</summary>
    internal static class Ours
    {
        public static Outcome Parse(string connectionString) => Outcome(ConnectionStringParser.Parse(connectionString));

        public static Outcome Outcome(ParsedConnectionString parsed)
        {
            if (parsed.HasSyntaxError)
            {
                return new Outcome(false, parsed.SyntaxErrorIndex, null);
            }

            var normalized = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var setting in parsed.Settings)
            {
                if (setting.Keyword is null || setting.ConversionError is not null)
                {
                    return new Outcome(false, null, null);
                }

                if (setting.Value is null)
                {
                    normalized.Remove(setting.Keyword.CanonicalName);
                }
                else
                {
                    Assert.True(NpgsqlValues.TryNormalize(setting.Keyword, setting.Value, out var value));
                    normalized[setting.Keyword.CanonicalName] = value;
                }
            }

            return new Outcome(true, null, normalized);
        }

        public static IReadOnlyList<RawPair> RawPairs(ParsedConnectionString parsed) => parsed.Settings
            .Select(s => new RawPair(s.Key.ToLowerInvariant(), s.Value, s.SegmentSpan.Start, s.SegmentSpan.Length))
            .ToList();
    }
}

namespace PgGuard.Analyzers.Tests.ConnectionStrings
{
    /// <summary>The endpoints NpgsqlDataSource.Create derives from a connection string (NPGSQL.md §4), live.</summary>
    internal static class NpgsqlHostOracle
    {
        private const System.Reflection.BindingFlags Any =
            System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance;

        /// <summary>(host, port) per endpoint, or null when creating the data source throws.</summary>
        public static System.Collections.Generic.List<(string Host, int Port)>? Endpoints(string connectionString)
        {
            try
            {
                using var dataSource = Npgsql.NpgsqlDataSource.Create(connectionString);
                var sources = dataSource is Npgsql.NpgsqlMultiHostDataSource multi
                    ? ((System.Array)typeof(Npgsql.NpgsqlMultiHostDataSource).GetField("_pools", Any)!.GetValue(multi)!).Cast<Npgsql.NpgsqlDataSource>()
                    : new[] { dataSource };
                return sources.Select(s =>
                {
                    var settings = (Npgsql.NpgsqlConnectionStringBuilder)typeof(Npgsql.NpgsqlDataSource).GetProperty("Settings", Any)!.GetValue(s)!;
                    return (settings.Host ?? string.Empty, settings.Port);
                }).ToList();
            }
            catch (System.Exception e) when (e is System.ArgumentException or System.FormatException or System.OverflowException or System.NotSupportedException)
            {
                return null;
            }
        }
    }
}
