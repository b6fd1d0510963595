using System;
using System.IO;

namespace PgGuard.Analyzers.Tests.Meta
{
    /// <summary>
    /// Files of the repository the tests run from: the folder holding PgGuard.Analyzers.sln, found by walking up from
    /// the test assembly (bin/…/net10.0 in a normal build, any depth in CI clones).
    /// </summary>
    internal static class RepositoryRoot
    {
        private static readonly Lazy<string> Root = new Lazy<string>(Find);

        public static string Path => Root.Value;

        public static string FullPath(string relativePath) => System.IO.Path.Combine(Root.Value, relativePath);

        public static bool Exists(string relativePath) => File.Exists(FullPath(relativePath));

        public static string ReadText(string relativePath) => File.ReadAllText(FullPath(relativePath));

        private static string Find()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "PgGuard.Analyzers.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("No folder above " + AppContext.BaseDirectory + " holds PgGuard.Analyzers.sln.");
        }
    }
}
