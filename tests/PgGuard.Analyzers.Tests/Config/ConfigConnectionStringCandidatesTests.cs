using System;
using System.Linq;
using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.Config;

namespace PgGuard.Analyzers.Tests.Config
{
    public class ConfigConnectionStringCandidatesTests
    {
        [Fact]
        public void EveryConnectionStringsValueIsACandidateAndOtherValuesNeedAnEqualsSign()
        {
            var json = @"{
  ""ConnectionStrings"": {
    ""Default"": ""Host=db;Username=app"",
    ""Uri"": ""postgresql://app:secret@db/app"",
    ""Nested"": { ""Reporting"": { ""Primary"": ""Host=r"" } },
    ""List"": [ ""Host=l"" ]
  },
  ""Database"": { ""Main"": ""Server=x;Database=y"", ""Timeout"": ""30"" },
  ""Logging"": { ""LogLevel"": { ""Default"": ""Information"" } },
  ""Query"": ""a=b""
}";
            var candidates = ConfigConnectionStringCandidates.Find("/src/App/appsettings.json", json);

            Assert.Equal(
                new[]
                {
                    "ConnectionStrings:Default", "ConnectionStrings:Uri", "ConnectionStrings:Nested:Reporting:Primary",
                    "ConnectionStrings:List:0", "Database:Main", "Query",
                },
                candidates.Select(c => c.Name));
            Assert.Equal(new[] { true, true, true, true, false, false }, candidates.Select(c => c.IsConnectionStringsSection));
            Assert.All(candidates, c => Assert.Equal(ConfigFileKind.AppSettingsJson, c.FileKind));
            Assert.All(candidates, c => Assert.False(c.IsDevelopmentFile));
            Assert.All(candidates, c => Assert.Equal("/src/App/appsettings.json", c.FilePath));
        }

        [Fact]
        public void CandidateTextMapsIntoTheFile()
        {
            var json = "{\"ConnectionStrings\":{\"Db\":\"Host=h;SSL Mode=\\u0044isable\"}}";
            var candidate = Assert.Single(ConfigConnectionStringCandidates.Find("appsettings.Production.json", json));

            Assert.Equal("Host=h;SSL Mode=Disable", candidate.Text.Text);
            Assert.Equal(new TextSpan(json.IndexOf("Host", StringComparison.Ordinal), 28), candidate.ValueSpan);
            var (source, span) = candidate.Text.Map(7, 16);
            Assert.Equal("appsettings.Production.json", source);
            Assert.Equal("SSL Mode=\\u0044isable", json.Substring(span.Start, span.Length));
        }

        [Fact]
        public void SectionNameIsCaseInsensitiveAndMustBeTheTopLevelSection()
        {
            var json = "{\"connectionstrings\":{\"A\":\"x\"},\"App\":{\"ConnectionStrings\":{\"B\":\"y\",\"C\":\"Host=c\"}},\"ConnectionStrings\":\"Host=top\"}";
            var candidates = ConfigConnectionStringCandidates.Find("appsettings.json", json);

            // "connectionstrings:A" and "ConnectionStrings" (the top-level key itself) share case-insensitive nodes.
            Assert.Equal(new[] { "connectionstrings:A=True", "App:ConnectionStrings:C=False", "connectionstrings=False" },
                candidates.Select(c => c.Name + "=" + c.IsConnectionStringsSection));
        }

        [Fact]
        public void ProviderNameSiblingsDescribeTheirConnectionStringAndAreNotCandidates()
        {
            var json = @"{
  ""ConnectionStrings"": {
    ""Pg"": ""Host=a"", ""Pg_ProviderName"": ""Npgsql"",
    ""Sql"": ""Server=b"", ""Sql_providername"": ""Microsoft.Data.SqlClient"",
    ""Plain"": ""Host=c""
  },
  ""Db"": { ""ConnectionString"": ""Host=d"", ""ProviderName"": ""MySql.Data.MySqlClient"" },
  ""Both"": { ""Cs"": ""Host=e"", ""Cs_ProviderName"": ""Npgsql"", ""ProviderName"": ""System.Data.SqlClient"" },
  ""Odd"": { ""Cs"": ""Host=f"", ""Cs_ProviderName"": 1 }
}";
            var candidates = ConfigConnectionStringCandidates.Find("appsettings.json", json);

            Assert.Equal(
                new[]
                {
                    "ConnectionStrings:Pg|Npgsql|Npgsql", "ConnectionStrings:Sql|Microsoft.Data.SqlClient|Other",
                    "ConnectionStrings:Plain||Unspecified", "Db:ConnectionString|MySql.Data.MySqlClient|Other",
                    "Both:Cs|Npgsql|Npgsql", "Odd:Cs||Unspecified",
                },
                candidates.Select(c => c.Name + "|" + c.ProviderName + "|" + c.Provider));
        }

        [Fact]
        public void XmlConnectionStringsAreAllCandidatesAndAppSettingsNeedAnEqualsSign()
        {
            var xml = @"<configuration>
  <connectionStrings>
    <add name=""Pg"" connectionString=""Host=a"" providerName=""Npgsql"" />
    <add name=""Sql"" connectionString=""Data Source=b"" providerName=""System.Data.SqlClient"" />
    <add name=""Lite"" connectionString=""Data Source=c.db"" providerName=""System.Data.SQLite"" />
    <add name=""None"" connectionString=""nothing"" />
  </connectionStrings>
  <appSettings>
    <add key=""Db"" value=""Host=d"" />
    <add key=""Mode"" value=""fast"" />
  </appSettings>
</configuration>";
            var candidates = ConfigConnectionStringCandidates.Find(@"C:\src\Site\Web.Debug.config", xml);

            Assert.Equal(
                new[] { "Pg|True|Npgsql", "Sql|True|Other", "Lite|True|Other", "None|True|Unspecified", "Db|False|Unspecified" },
                candidates.Select(c => c.Name + "|" + c.IsConnectionStringsSection + "|" + c.Provider));
            Assert.All(candidates, c => Assert.True(c.IsDevelopmentFile));
            Assert.All(candidates, c => Assert.Equal(ConfigFileKind.XmlConfig, c.FileKind));
            Assert.Equal(xml.IndexOf("Host=d", StringComparison.Ordinal), candidates[4].ValueSpan.Start);
            Assert.Equal("Host=d", candidates[4].Text.Text);
        }

        [Fact]
        public void DevelopmentFlagComesFromTheFileName()
        {
            const string Json = "{\"ConnectionStrings\":{\"A\":\"Host=a\"}}";

            Assert.True(Assert.Single(ConfigConnectionStringCandidates.Find("appsettings.Development.json", Json)).IsDevelopmentFile);
            Assert.False(Assert.Single(ConfigConnectionStringCandidates.Find("appsettings.json", Json)).IsDevelopmentFile);
        }

        [Theory]
        [InlineData("nuget.config")]
        [InlineData("packages.config")]
        [InlineData("settings.json")]
        [InlineData("schema.sql")]
        public void FilesThatAreNotConfigurationFilesGiveNoCandidates(string path)
        {
            const string Text = "{\"ConnectionStrings\":{\"A\":\"Host=a\"}}<configuration><connectionStrings><add name=\"A\" connectionString=\"Host=a\"/></connectionStrings></configuration>";

            Assert.Empty(ConfigConnectionStringCandidates.Find(path, Text));
        }

        [Fact]
        public void CandidatesReadBeforeAnErrorAreStillReturned()
        {
            var candidates = ConfigConnectionStringCandidates.Find("appsettings.json", "{\"ConnectionStrings\":{\"A\":\"Host=a\",\"B\":\"Host=");

            Assert.Equal("ConnectionStrings:A", Assert.Single(candidates).Name);
        }

        [Theory]
        [InlineData(null, ConfigProvider.Unspecified)]
        [InlineData("", ConfigProvider.Unspecified)]
        [InlineData("  ", ConfigProvider.Unspecified)]
        [InlineData("Npgsql", ConfigProvider.Npgsql)]
        [InlineData("npgsql", ConfigProvider.Npgsql)]
        [InlineData("Npgsql.EntityFrameworkCore.PostgreSQL", ConfigProvider.Npgsql)]
        [InlineData("PostgreSQL", ConfigProvider.Unspecified)]            // linq2db: runs on Npgsql
        [InlineData("PostgreSQL.15", ConfigProvider.Unspecified)]
        [InlineData("Devart.Data.PostgreSql", ConfigProvider.Unspecified)]
        [InlineData("System.Data.SqlClient", ConfigProvider.Other)]
        [InlineData("Microsoft.Data.SqlClient", ConfigProvider.Other)]
        [InlineData("MySql.Data.MySqlClient", ConfigProvider.Other)]
        [InlineData("System.Data.SQLite", ConfigProvider.Other)]
        [InlineData("Oracle.ManagedDataAccess.Client", ConfigProvider.Other)]
        public void ProviderNamesAreClassified(string? providerName, ConfigProvider expected)
        {
            Assert.Equal(expected, ConfigConnectionStringCandidates.ClassifyProvider(providerName));
        }
    }
}
