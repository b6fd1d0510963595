using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PgGuard.Analyzers.Options
{
    /// <summary>An option value that could not be read; reported once as PG9001 and replaced by the default.</summary>
    public readonly struct OptionError
    {
        public OptionError(string key, string value, string reason, string defaultValue)
        {
            Key = key;
            Value = value;
            Reason = reason;
            DefaultValue = defaultValue;
        }

        public string Key { get; }

        public string Value { get; }

        public string Reason { get; }

        public string DefaultValue { get; }
    }

    /// <summary>
    /// The <c>pgguard.*</c> options (RULES.md). Read per syntax tree or additional file so folder-scoped
    /// <c>.editorconfig</c> sections apply; each distinct combination of raw values is parsed once and cached.
    /// </summary>
    public sealed class PgGuardOptions
    {
        public const string SuperuserNamesKey = "pgguard.superuser_names";
        public const string LocalHostsKey = "pgguard.local_hosts";
        public const string AnalyzeLocalConnectionsKey = "pgguard.analyze_local_connections";
        public const string SslModeKey = "pgguard.ssl_mode";
        public const string MaxPoolSizeKey = "pgguard.max_pool_size";
        public const string MaxPoolSizeLimitKey = "pgguard.max_pool_size_limit";

        private static readonly string[] Keys =
        {
            SuperuserNamesKey, LocalHostsKey, AnalyzeLocalConnectionsKey, SslModeKey, MaxPoolSizeKey, MaxPoolSizeLimitKey,
        };

        private static readonly ConcurrentDictionary<string, PgGuardOptions> Cache = new ConcurrentDictionary<string, PgGuardOptions>(StringComparer.Ordinal);

        public static readonly PgGuardOptions Default = Parse(new string?[Keys.Length]);

        private PgGuardOptions(
            ImmutableHashSet<string> superuserNames,
            ImmutableHashSet<string> localHosts,
            bool analyzeLocalConnections,
            string sslMode,
            int maxPoolSize,
            int maxPoolSizeLimit,
            ImmutableArray<OptionError> errors)
        {
            SuperuserNames = superuserNames;
            LocalHosts = localHosts;
            AnalyzeLocalConnections = analyzeLocalConnections;
            SslMode = sslMode;
            MaxPoolSize = maxPoolSize;
            MaxPoolSizeLimit = maxPoolSizeLimit;
            Errors = errors;
        }

        /// <summary>Extra role names treated as superusers (exact, case-sensitive: PostgreSQL does not fold names at login).</summary>
        public ImmutableHashSet<string> SuperuserNames { get; }

        /// <summary>Extra host names treated as local (case-insensitive, like DNS).</summary>
        public ImmutableHashSet<string> LocalHosts { get; }

        public bool AnalyzeLocalConnections { get; }

        /// <summary>The SSL Mode fixes write: VerifyFull (default), VerifyCA or Require.</summary>
        public string SslMode { get; }

        public int MaxPoolSize { get; }

        public int MaxPoolSizeLimit { get; }

        public ImmutableArray<OptionError> Errors { get; }

        public static PgGuardOptions From(AnalyzerConfigOptions options)
        {
            string?[]? raw = null;
            for (var i = 0; i < Keys.Length; i++)
            {
                if (options.TryGetValue(Keys[i], out var value))
                {
                    raw ??= new string?[Keys.Length];
                    raw[i] = value;
                }
            }

            // The common case: no pgguard option anywhere, nothing allocated.
            if (raw is null)
            {
                return Default;
            }

            var cacheKey = string.Join("\u0001", raw);
            return Cache.GetOrAdd(cacheKey, _ => Parse(raw));
        }

        private static PgGuardOptions Parse(string?[] raw)
        {
            var errors = ImmutableArray.CreateBuilder<OptionError>();
            var superusers = ParseList(raw[0], StringComparer.Ordinal);
            var localHosts = ParseList(raw[1], StringComparer.OrdinalIgnoreCase);
            var analyzeLocal = ParseBool(raw[2], AnalyzeLocalConnectionsKey, false, errors);
            var sslMode = ParseSslMode(raw[3], errors);
            var maxPool = ParsePositiveInt(raw[4], MaxPoolSizeKey, 20, errors);
            var maxPoolLimit = ParsePositiveInt(raw[5], MaxPoolSizeLimitKey, 100, errors);
            return new PgGuardOptions(superusers, localHosts, analyzeLocal, sslMode, maxPool, maxPoolLimit, errors.ToImmutable());
        }

        private static ImmutableHashSet<string> ParseList(string? raw, StringComparer comparer)
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                return ImmutableHashSet<string>.Empty.WithComparer(comparer);
            }

            var items = new List<string>();
            foreach (var part in raw!.Split(','))
            {
                var item = part.Trim();
                if (item.Length != 0)
                {
                    items.Add(item);
                }
            }

            return items.ToImmutableHashSet(comparer);
        }

        private static bool ParseBool(string? raw, string key, bool defaultValue, ImmutableArray<OptionError>.Builder errors)
        {
            var value = raw?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                return defaultValue;
            }

            if (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (string.Equals(value, "false", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            errors.Add(new OptionError(key, value!, "expected true or false", defaultValue ? "true" : "false"));
            return defaultValue;
        }

        private static string ParseSslMode(string? raw, ImmutableArray<OptionError>.Builder errors)
        {
            var value = raw?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                return "VerifyFull";
            }

            foreach (var mode in new[] { "VerifyFull", "VerifyCA", "Require" })
            {
                if (string.Equals(mode, value, StringComparison.OrdinalIgnoreCase))
                {
                    return mode;
                }
            }

            errors.Add(new OptionError(SslModeKey, value!, "expected VerifyFull, VerifyCA or Require", "VerifyFull"));
            return "VerifyFull";
        }

        private static int ParsePositiveInt(string? raw, string key, int defaultValue, ImmutableArray<OptionError>.Builder errors)
        {
            var value = raw?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                return defaultValue;
            }

            if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var result) && result > 0)
            {
                return result;
            }

            errors.Add(new OptionError(key, value!, "expected a whole number greater than 0", defaultValue.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return defaultValue;
        }
    }
}
