using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.Text;

namespace PgGuard.Analyzers.Config
{
    /// <summary>The section of an app.config / web.config an entry belongs to.</summary>
    public enum XmlConfigSection
    {
        /// <summary><c>&lt;connectionStrings&gt;&lt;add name=… connectionString=… providerName=…/&gt;</c></summary>
        ConnectionStrings,

        /// <summary><c>&lt;appSettings&gt;&lt;add key=… value=…/&gt;</c></summary>
        AppSettings,
    }

    /// <summary>One <c>&lt;add&gt;</c> of a <c>connectionStrings</c> or <c>appSettings</c> section, with its value's position.</summary>
    public sealed class XmlConfigEntry
    {
        private readonly string _fileText;
        private LocatedText? _located;

        internal XmlConfigEntry(
            string filePath, string fileText, XmlConfigSection section, string name, string? providerName, string text, TextSpan valueSpan)
        {
            FilePath = filePath;
            _fileText = fileText;
            Section = section;
            Name = name;
            ProviderName = providerName;
            Text = text;
            ValueSpan = valueSpan;
        }

        public string FilePath { get; }

        public XmlConfigSection Section { get; }

        /// <summary>The decoded <c>name</c> (connection strings) or <c>key</c> (app settings); empty when missing.</summary>
        public string Name { get; }

        /// <summary>The decoded <c>providerName</c>; null when absent (always for app settings).</summary>
        public string? ProviderName { get; }

        /// <summary>
        /// The decoded <c>connectionString</c> or <c>value</c> (entities resolved; an entity only a DTD could define is a
        /// hole, <see cref="LocatedText.HoleChar"/>).
        /// </summary>
        public string Text { get; }

        /// <summary>The characters between the attribute value's quotes in the file.</summary>
        public TextSpan ValueSpan { get; }

        /// <summary>
        /// The decoded value with every character mapped to the file characters it came from (<c>&amp;amp;</c> maps to all
        /// five); the source is <see cref="FilePath"/>. Built on first use.
        /// </summary>
        public LocatedText Value => _located ??= XmlConfigReader.DecodeLocated(_fileText, ValueSpan, FilePath);
    }

    /// <summary>What <see cref="XmlConfigReader"/> read from one file.</summary>
    public sealed class XmlConfigDocument
    {
        internal XmlConfigDocument(string filePath, ImmutableArray<XmlConfigEntry> entries, int? errorPosition)
        {
            FilePath = filePath;
            Entries = entries;
            ErrorPosition = errorPosition;
        }

        public string FilePath { get; }

        /// <summary>
        /// The entries in effect, in document order: a later <c>add</c> of the same name replaces an earlier one,
        /// <c>remove</c> and <c>clear</c> drop them (names compare case-insensitively, as in System.Configuration).
        /// </summary>
        public ImmutableArray<XmlConfigEntry> Entries { get; }

        /// <summary>Where reading stopped on malformed XML (entries before it are kept), or null.</summary>
        public int? ErrorPosition { get; }
    }
}
