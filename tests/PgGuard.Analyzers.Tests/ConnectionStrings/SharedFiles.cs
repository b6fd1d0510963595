using System;
using System.IO;
using System.Text.Json;

namespace PgGuard.Analyzers.Tests.ConnectionStrings
{
    /// <summary>The research files in <c>shared/npgsql/</c> (next to the repository, or inside it).</summary>
    internal static class SharedFiles
    {
        private static readonly Lazy<string> Directory = new Lazy<string>(Locate);
        private static readonly Lazy<JsonDocument> VectorsDocument = new Lazy<JsonDocument>(() => Load("vectors.json"));
        private static readonly Lazy<JsonDocument> KeywordsDocument = new Lazy<JsonDocument>(() => Load("keywords.json"));

        public static JsonElement Vectors => VectorsDocument.Value.RootElement;

        public static JsonElement Keywords => KeywordsDocument.Value.RootElement;

        private static JsonDocument Load(string name) => JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory.Value, name)));

        /// <summary>Walks up from the test binaries to a folder holding shared/npgsql or ../shared/npgsql.</summary>
        private static string Locate()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "npgsql"), Path.Combine(dir.FullName, "..", "shared", "npgsql") })
                {
                    if (File.Exists(Path.Combine(candidate, "vectors.json")))
                    {
                        return Path.GetFullPath(candidate);
                    }
                }
            }

            throw new InvalidOperationException("shared/npgsql/vectors.json not found above " + AppContext.BaseDirectory);
        }
    }
}
