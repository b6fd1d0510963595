using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.Text;

namespace PgGuard.Analyzers.Config
{
    /// <summary>What a configuration file says about the provider of a connection string.</summary>
    public enum ConfigProvider
    {
        /// <summary>Nothing (or nothing decisive): the shape of the string decides.</summary>
        Unspecified,

        /// <summary>A provider name that names Npgsql: the value is an Npgsql connection string.</summary>
        Npgsql,

        /// <summary>Another provider's name (<c>System.Data.SqlClient</c>, <c>MySql.Data.MySqlClient</c>, …): not ours.</summary>
        Other,
    }

    /// <summary>A configuration value that may be a connection string, with what the file says about it.</summary>
    public sealed class ConfigCandidate
    {
        private readonly JsonConfigValue? _json;
        private readonly XmlConfigEntry? _xml;

        internal ConfigCandidate(JsonConfigValue json, bool isConnectionStringsSection, string? providerName, bool isDevelopmentFile)
        {
            _json = json;
            FileKind = ConfigFileKind.AppSettingsJson;
            IsConnectionStringsSection = isConnectionStringsSection;
            ProviderName = providerName;
            IsDevelopmentFile = isDevelopmentFile;
        }

        internal ConfigCandidate(XmlConfigEntry xml, bool isDevelopmentFile)
        {
            _xml = xml;
            FileKind = ConfigFileKind.XmlConfig;
            IsConnectionStringsSection = xml.Section == XmlConfigSection.ConnectionStrings;
            ProviderName = xml.ProviderName;
            IsDevelopmentFile = isDevelopmentFile;
        }

        public string FilePath => _json?.FilePath ?? _xml!.FilePath;

        public ConfigFileKind FileKind { get; }

        /// <summary>From the file name (<see cref="ConfigEnvironment.IsDevelopmentFile"/>).</summary>
        public bool IsDevelopmentFile { get; }

        /// <summary>The configuration path (<c>ConnectionStrings:Default</c>) in JSON; the <c>name</c> or <c>key</c> in XML.</summary>
        public string Name => _json?.Path ?? _xml!.Name;

        /// <summary>The decoded value, every character mapped into the file (source: the file path).</summary>
        public LocatedText Text => _json?.Value ?? _xml!.Value;

        /// <summary>The value's characters in the file (between the quotes).</summary>
        public TextSpan ValueSpan => _json?.ContentSpan ?? _xml!.ValueSpan;

        /// <summary>
        /// True under <c>ConnectionStrings</c> (JSON, nested sections included: what <c>GetConnectionString</c> and EF's
        /// <c>Name=X</c> read) or in <c>&lt;connectionStrings&gt;</c> (XML).
        /// </summary>
        public bool IsConnectionStringsSection { get; }

        /// <summary>The XML <c>providerName</c>, or in JSON the sibling <c>X_ProviderName</c> / <c>ProviderName</c> string value.</summary>
        public string? ProviderName { get; }

        public ConfigProvider Provider => ConfigConnectionStringCandidates.ClassifyProvider(ProviderName);
    }

    /// <summary>
    /// Picks the values of a configuration file worth analysing as connection strings: every value of the connection
    /// strings section, and every other value containing '=' (a cheap pre-filter; the shared engine then tests the shape).
    /// </summary>
    public static class ConfigConnectionStringCandidates
    {
        private const string ProviderNameSuffix = "ProviderName";

        /// <summary>The candidates of one file; none when <paramref name="filePath"/> is not a configuration file we read.</summary>
        public static ImmutableArray<ConfigCandidate> Find(string filePath, string text)
        {
            switch (ConfigEnvironment.GetFileKind(filePath))
            {
                case ConfigFileKind.AppSettingsJson:
                    return Find(JsonConfigReader.Read(text, filePath));
                case ConfigFileKind.XmlConfig:
                    return Find(XmlConfigReader.Read(text, filePath));
                default:
                    return ImmutableArray<ConfigCandidate>.Empty;
            }
        }

        public static ImmutableArray<ConfigCandidate> Find(JsonConfigDocument document)
        {
            var isDevelopmentFile = ConfigEnvironment.IsDevelopmentFile(document.FilePath);
            var candidates = ImmutableArray.CreateBuilder<ConfigCandidate>();
            foreach (var value in document.Values)
            {
                var path = value.PathNode;

                // "X_ProviderName" is what M.E.Configuration's environment source writes beside a POSTGRESQLCONNSTR_X
                // connection string; such values describe their sibling and are never connection strings themselves.
                if (path.Key.EndsWith(ProviderNameSuffix, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var inSection = path.Parent?.Parent is not null
                    && string.Equals(path.Section, "ConnectionStrings", StringComparison.OrdinalIgnoreCase);
                if (!inSection && value.Text.IndexOf('=') < 0)
                {
                    continue;
                }

                candidates.Add(new ConfigCandidate(value, inSection, SiblingProviderName(path), isDevelopmentFile));
            }

            return candidates.ToImmutable();
        }

        public static ImmutableArray<ConfigCandidate> Find(XmlConfigDocument document)
        {
            var isDevelopmentFile = ConfigEnvironment.IsDevelopmentFile(document.FilePath);
            var candidates = ImmutableArray.CreateBuilder<ConfigCandidate>();
            foreach (var entry in document.Entries)
            {
                if (entry.Section == XmlConfigSection.ConnectionStrings || entry.Text.IndexOf('=') >= 0)
                {
                    candidates.Add(new ConfigCandidate(entry, isDevelopmentFile));
                }
            }

            return candidates.ToImmutable();
        }

        /// <summary>
        /// Npgsql when the name mentions Npgsql; another provider's name settles the value as not ours. A name that
        /// mentions PostgreSQL without Npgsql decides nothing: linq2db's <c>PostgreSQL</c> providers run on Npgsql, while
        /// Devart's <c>Devart.Data.PostgreSql</c> does not.
        /// </summary>
        internal static ConfigProvider ClassifyProvider(string? providerName)
        {
            if (providerName is null || providerName.Trim().Length == 0)
            {
                return ConfigProvider.Unspecified;
            }

            if (providerName.IndexOf("Npgsql", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return ConfigProvider.Npgsql;
            }

            return providerName.IndexOf("Postgre", StringComparison.OrdinalIgnoreCase) >= 0 ? ConfigProvider.Unspecified : ConfigProvider.Other;
        }

        /// <summary>The string value of the sibling <c>&lt;key&gt;_ProviderName</c>, else of a sibling <c>ProviderName</c>.</summary>
        private static string? SiblingProviderName(JsonConfigPath path)
        {
            var parent = path.Parent;
            if (parent is null)
            {
                return null;
            }

            var sibling = parent.FindChild(path.Key + "_" + ProviderNameSuffix)?.Value ?? parent.FindChild(ProviderNameSuffix)?.Value;
            return sibling?.Text;
        }
    }
}
