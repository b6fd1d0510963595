using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.Text;

namespace PgGuard.Analyzers.Config
{
    /// <summary>One string value of an appsettings file, with its configuration path and its place in the file.</summary>
    public sealed class JsonConfigValue
    {
        private readonly string _fileText;
        private LocatedText? _located;

        internal JsonConfigValue(string filePath, string fileText, JsonConfigPath path, string text, TextSpan contentSpan)
        {
            FilePath = filePath;
            _fileText = fileText;
            PathNode = path;
            Text = text;
            ContentSpan = contentSpan;
        }

        public string FilePath { get; }

        /// <summary>The configuration key: section keys and array indexes joined by <c>:</c> (<c>ConnectionStrings:Default</c>).</summary>
        public string Path => PathNode.Path;

        /// <summary>The last segment of <see cref="Path"/>.</summary>
        public string Key => PathNode.Key;

        /// <summary>The decoded value (JSON escapes resolved).</summary>
        public string Text { get; }

        /// <summary>The characters between the quotes in the file.</summary>
        public TextSpan ContentSpan { get; }

        /// <summary>
        /// The decoded value with every character mapped to the file characters it came from (an escape such as
        /// <c>\u0053</c> maps to all six); the source is <see cref="FilePath"/>. Built on first use.
        /// </summary>
        public LocatedText Value => _located ??= JsonConfigReader.DecodeLocated(_fileText, ContentSpan, FilePath);

        internal JsonConfigPath PathNode { get; }
    }

    /// <summary>What <see cref="JsonConfigReader"/> read from one file.</summary>
    public sealed class JsonConfigDocument
    {
        internal JsonConfigDocument(string filePath, ImmutableArray<JsonConfigValue> values, int? errorPosition)
        {
            FilePath = filePath;
            Values = values;
            ErrorPosition = errorPosition;
        }

        public string FilePath { get; }

        /// <summary>Every string value in document order; for a key given twice only the last value remains.</summary>
        public ImmutableArray<JsonConfigValue> Values { get; }

        /// <summary>Where reading stopped on invalid JSON (values before it are kept), or null for a valid file.</summary>
        public int? ErrorPosition { get; }
    }
}
