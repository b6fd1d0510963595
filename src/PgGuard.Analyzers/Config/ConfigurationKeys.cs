using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace PgGuard.Analyzers.Config
{
    /// <summary>
    /// The configuration keys the project's appsettings*.json files define, for linking names used in code
    /// (<c>GetConnectionString("X")</c>, EF Core's <c>Name=X</c>, <c>configuration["ConnectionStrings:X"]</c>) to them.
    /// Keys compare case-insensitively, as in Microsoft.Extensions.Configuration.
    /// </summary>
    public sealed class ConfigurationKeys
    {
        /// <summary>The section <c>GetConnectionString</c> and EF Core's <c>Name=X</c> read.</summary>
        public const string ConnectionStringsSection = "ConnectionStrings";

        private readonly ImmutableArray<JsonConfigPath> _roots;

        private ConfigurationKeys(ImmutableArray<JsonConfigPath> roots)
        {
            _roots = roots;
        }

        /// <summary>
        /// The keys of the appsettings files among <paramref name="files"/>; null when there is none, or one could not be
        /// read to its end (its later keys are unknown, so no name can be said to be missing).
        /// </summary>
        public static ConfigurationKeys? Read(IEnumerable<(string Path, string Text)> files)
        {
            var roots = ImmutableArray.CreateBuilder<JsonConfigPath>();
            foreach (var (path, text) in files)
            {
                if (ConfigEnvironment.GetFileKind(path) != ConfigFileKind.AppSettingsJson)
                {
                    continue;
                }

                var document = JsonConfigReader.Read(text, path);
                if (document.ErrorPosition is not null)
                {
                    return null;
                }

                roots.Add(document.Root);
            }

            return roots.Count == 0 ? null : new ConfigurationKeys(roots.ToImmutable());
        }

        /// <summary>True when any file defines <paramref name="key"/> (<c>ConnectionStrings:Default</c>), with any value.</summary>
        public bool IsDefined(string key)
        {
            foreach (var root in _roots)
            {
                if (root.Find(key) is not null)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The connection-string name one typing mistake away from <paramref name="name"/> (a character added, dropped,
        /// changed, or two neighbours swapped), or null. Names of fewer than four characters, and names that differ only in
        /// a digit (<c>Replica1</c> and <c>Replica2</c>), are never taken for typos: such pairs are usually both real.
        /// </summary>
        public string? FindConnectionStringLike(string name)
        {
            string? best = null;
            foreach (var root in _roots)
            {
                if (root.FindChild(ConnectionStringsSection) is not { } section)
                {
                    continue;
                }

                foreach (var child in section.Children)
                {
                    if (IsTypo(name, child.Key) && (best is null || string.Compare(child.Key, best, StringComparison.OrdinalIgnoreCase) < 0))
                    {
                        best = child.Key;
                    }
                }
            }

            return best;
        }

        /// <summary>True when <paramref name="a"/> and <paramref name="b"/> are exactly one edit apart, ignoring case.</summary>
        internal static bool IsTypo(string a, string b)
        {
            const int MinimumLength = 4;
            if (a.Length < MinimumLength || b.Length < MinimumLength || Math.Abs(a.Length - b.Length) > 1)
            {
                return false;
            }

            // Strip the common prefix and suffix; what remains of each name is the edit.
            var start = 0;
            while (start < a.Length && start < b.Length && Same(a[start], b[start]))
            {
                start++;
            }

            var endA = a.Length - 1;
            var endB = b.Length - 1;
            while (endA >= start && endB >= start && Same(a[endA], b[endB]))
            {
                endA--;
                endB--;
            }

            var restA = endA - start + 1;
            var restB = endB - start + 1;
            if (restA == 1 && restB == 1)
            {
                return !(char.IsDigit(a[start]) && char.IsDigit(b[start])); // one character changed
            }

            if (restA + restB == 1)
            {
                return !char.IsDigit(restA == 1 ? a[start] : b[start]); // one dropped or added
            }

            // Two neighbours swapped (two digits swapped are a different number, as above).
            return restA == 2 && restB == 2 && Same(a[start], b[start + 1]) && Same(a[start + 1], b[start]) &&
                   !(char.IsDigit(a[start]) && char.IsDigit(a[start + 1]));
        }

        private static bool Same(char x, char y) => x == y || char.ToUpperInvariant(x) == char.ToUpperInvariant(y);
    }
}
