using System;

namespace PgGuard.Analyzers.Config
{
    /// <summary>The kinds of configuration file the analyzers read.</summary>
    public enum ConfigFileKind
    {
        None,

        /// <summary><c>appsettings.json</c> and <c>appsettings.&lt;Environment&gt;.json</c>.</summary>
        AppSettingsJson,

        /// <summary><c>app.config</c>, <c>web.config</c> and their transforms (<c>Web.Release.config</c>).</summary>
        XmlConfig,
    }

    /// <summary>
    /// What a configuration file's name says: whether it is one we read, and whether it only configures development.
    /// ASP.NET Core loads <c>appsettings.json</c> in every environment and <c>appsettings.{Environment}.json</c> on top;
    /// Web.config transforms are named after the build configuration (<c>Web.Debug.config</c>).
    /// </summary>
    public static class ConfigEnvironment
    {
        // Environment and build-configuration names that mean "a developer's machine or a test run".
        private static readonly string[] DevelopmentNames = { "Development", "Dev", "Local", "Test", "Testing", "Debug" };

        private static readonly char[] DirectorySeparators = { '/', '\\' };

        public static ConfigFileKind GetFileKind(string path)
        {
            return Classify(path, out _, out _);
        }

        /// <summary>
        /// True for <c>appsettings[.X].json</c>, <c>app[.X].config</c> and <c>web[.X].config</c> (any case). Other
        /// <c>.config</c> files (<c>nuget.config</c>, <c>packages.config</c>, <c>nlog.config</c>) are not ours.
        /// </summary>
        public static bool IsConfigFile(string path)
        {
            return GetFileKind(path) != ConfigFileKind.None;
        }

        /// <summary>
        /// True when the name carries a development environment or build configuration (<c>appsettings.Development.json</c>,
        /// <c>appsettings.Local.json</c>, <c>Web.Debug.config</c>, …; any dot-separated part counts, so
        /// <c>appsettings.Development.Local.json</c> too). The base files are read in production, so they are not.
        /// </summary>
        public static bool IsDevelopmentFile(string path)
        {
            if (Classify(path, out var fileName, out var environment) == ConfigFileKind.None || environment.Length == 0)
            {
                return false;
            }

            var start = environment.Start;
            var end = environment.Start + environment.Length;
            while (start < end)
            {
                var dot = fileName.IndexOf('.', start, end - start);
                var partEnd = dot < 0 ? end : dot;
                foreach (var name in DevelopmentNames)
                {
                    if (partEnd - start == name.Length && string.Compare(fileName, start, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0)
                    {
                        return true;
                    }
                }

                start = partEnd + 1;
            }

            return false;
        }

        /// <summary>The kind, the file name, and where the environment part (between the first and the last dot) lies in it.</summary>
        private static ConfigFileKind Classify(string path, out string fileName, out (int Start, int Length) environment)
        {
            var slash = path.LastIndexOfAny(DirectorySeparators);
            fileName = slash < 0 ? path : path.Substring(slash + 1);
            environment = (0, 0);

            ConfigFileKind kind;
            int prefixLength;
            if (HasAffixes(fileName, "appsettings", ".json"))
            {
                kind = ConfigFileKind.AppSettingsJson;
                prefixLength = "appsettings".Length;
            }
            else if (HasAffixes(fileName, "app", ".config") || HasAffixes(fileName, "web", ".config"))
            {
                kind = ConfigFileKind.XmlConfig;
                prefixLength = 3;
            }
            else
            {
                return ConfigFileKind.None;
            }

            var suffixStart = fileName.LastIndexOf('.');
            if (suffixStart == prefixLength)
            {
                return kind; // the base file
            }

            // Between the prefix and the suffix there must be ".<Environment>" with a non-empty name.
            if (fileName[prefixLength] != '.' || suffixStart - prefixLength < 2)
            {
                return ConfigFileKind.None;
            }

            environment = (prefixLength + 1, suffixStart - prefixLength - 1);
            return kind;
        }

        private static bool HasAffixes(string fileName, string prefix, string suffix)
        {
            return fileName.Length >= prefix.Length + suffix.Length
                && fileName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && fileName.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
        }
    }
}
