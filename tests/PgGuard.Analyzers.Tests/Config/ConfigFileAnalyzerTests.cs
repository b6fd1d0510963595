using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.Analyzers;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Tests.Verifiers;
using VerifyConfig = PgGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PgGuard.Analyzers.Analyzers.ConfigFileAnalyzer>;

namespace PgGuard.Analyzers.Tests.Config
{
    /// <summary>The shared rules over appsettings*.json and app/web.config values, reported at the file's characters.</summary>
    public class ConfigFileAnalyzerTests
    {
        private const string NoCode = "class C { }";

        private static readonly string[] AllIds = Array.Empty<string>();

        private static Task Verify(string fileName, string content, string[] onlyIds, params DiagnosticResult[] expected)
        {
            var test = Create(onlyIds, expected);
            test.TestState.AdditionalFiles.Add((fileName, content));
            return test.RunAsync();
        }

        private static CSharpAnalyzerTest<ConfigFileAnalyzer, DefaultVerifier> Create(string[] onlyIds, params DiagnosticResult[] expected)
        {
            var test = VerifyConfig.Create(NoCode, onlyIds, expected);

            // Rules with several messages have several descriptors per ID; markup names only the ID.
            test.MarkupOptions = MarkupOptions.UseFirstDescriptor;
            return test;
        }

        [Fact]
        public Task Flags_ssl_mode_in_appsettings_at_the_exact_characters() => Verify(
            "appsettings.json",
            @"{
  ""ConnectionStrings"": {
    ""Default"": ""Host=db.example.com;Database=app;{|#0:SSL Mode=Disable|}""
  }
}",
            new[] { DiagnosticIds.SslModeInsecure },
            VerifyConfig.Diagnostic(Descriptors.SslModeInsecure).WithLocation(0).WithArguments("SSL Mode=Disable"));

        [Fact]
        public Task Location_covers_json_escapes_and_the_message_shows_decoded_text() => Verify(
            "appsettings.json",
            @"{ ""ConnectionStrings"": { ""Default"": ""Host=db.example.com;{|#0:\u0053SL Mode=\u0044isable|}"" } }",
            new[] { DiagnosticIds.SslModeInsecure },
            VerifyConfig.Diagnostic(Descriptors.SslModeInsecure).WithLocation(0).WithArguments("SSL Mode=Disable"));

        [Fact]
        public Task Flags_every_rule_of_a_production_appsettings_file() => Verify(
            "appsettings.json",
            "{\r\n  // production\r\n  \"Logging\": { \"LogLevel\": { \"Default\": \"Warning\" } },\r\n" +
            "  \"ConnectionStrings\": {\r\n" +
            "    \"Default\": \"{|PG0008:Host=db.example.com|};{|PG0001:Username=postgres|};Password={|PG0006:s3cret|};{|PG0002:SSL Mode=Disable|}\",\r\n" +
            "    /* read by GetConnectionString(\"Reporting:Replica\") */\r\n" +
            "    \"Reporting\": { \"Replica\": \"{|PG0004:Host={|PG0013:52.14.0.9|}|};{|PG0007:Pooling=false|}\", },\r\n" +
            "  },\r\n" +
            "  \"Jobs\": [ { \"Db\": \"{|PG0004:Host=db2.example.com|};{|PG0003:Trust Server Certificate=true|}\" } ],\r\n" +
            "}\r\n",
            AllIds);

        [Fact]
        public Task Flags_web_config_values_through_xml_entities() => Verify(
            "Web.config",
            @"<?xml version=""1.0"" encoding=""utf-8""?>
<configuration>
  <!-- <add name=""Old"" connectionString=""Host=old.example.com;SSL Mode=Disable"" providerName=""Npgsql"" /> -->
  <connectionStrings>
    <add name=""Default""
         connectionString=""{|PG0008:Host=db.example.com|};Username=app;Password={|PG0006:s&amp;cr&#101;t|};{|PG0002:SSL Mode=Allow|}""
         providerName=""Npgsql"" />
    <add name=""Legacy"" connectionString=""Data Source=sql;Password=x;Encrypt=false"" providerName=""System.Data.SqlClient"" />
  </connectionStrings>
  <appSettings>
    <add key=""Reports"" value=""Host=reports.example.com;Database=r;{|PG0002:SSL Mode=Prefer|};Maximum Pool Size=10"" />
    <add key=""Mode"" value=""fast"" />
  </appSettings>
</configuration>",
            AllIds);

        [Fact]
        public Task Another_providers_name_settles_a_value_as_not_ours() => Verify(
            "appsettings.json",
            @"{ ""ConnectionStrings"": {
    ""Mysql"": ""Host=db.example.com;Username=root;SSL Mode=Disable"",
    ""Mysql_ProviderName"": ""MySql.Data.MySqlClient""
} }",
            AllIds);

        [Fact]
        public Task Another_providers_name_in_web_config_settles_it_too() => Verify(
            "app.config",
            @"<configuration><connectionStrings>
  <add name=""A"" connectionString=""Server=db.example.com;Database=x;SSL Mode=None"" providerName=""MySql.Data.MySqlClient"" />
  <add name=""B"" connectionString=""Data Source=db.example.com;Initial Catalog=x;Integrated Security=true"" />
</connectionStrings></configuration>",
            AllIds);

        [Fact]
        public Task Npgsql_provider_makes_a_value_ours_even_without_the_shape() => Verify(
            "appsettings.json",
            @"{ ""ConnectionStrings"": {
    ""Pg"": ""{|PG0004:Host=db.example.com|}"",
    ""Pg_ProviderName"": ""Npgsql"",
    ""NoProvider"": ""Host=db.example.com""
} }",
            AllIds);

        [Fact]
        public Task Development_files_keep_passwords_and_error_details_to_themselves() => Verify(
            "appsettings.Development.json",
            @"{ ""ConnectionStrings"": { ""Default"": ""Host=db.example.com;Username=app;Password=s3cret;Include Error Detail=true;{|PG0002:SSL Mode=Disable|}"" } }",
            new[] { DiagnosticIds.HardcodedPassword, DiagnosticIds.SensitiveDataLeak, DiagnosticIds.SslModeInsecure });

        [Fact]
        public Task The_same_values_in_the_base_file_are_reported() => Verify(
            "appsettings.json",
            @"{ ""ConnectionStrings"": { ""Default"": ""Host=db.example.com;Username=app;Password={|PG0006:s3cret|};{|PG0010:Include Error Detail=true|};{|PG0002:SSL Mode=Disable|}"" } }",
            new[] { DiagnosticIds.HardcodedPassword, DiagnosticIds.SensitiveDataLeak, DiagnosticIds.SslModeInsecure });

        [Fact]
        public Task Local_connections_get_only_invalid_string_findings() => Verify(
            "appsettings.json",
            @"{ ""ConnectionStrings"": {
    ""Local"": ""Host=localhost;Username=postgres;Password=postgres;SSL Mode=Disable"",
    ""Typo"": ""Host=127.0.0.1;{|#0:Max Pool Size|}=10""
} }",
            AllIds,
            VerifyConfig.Diagnostic(Descriptors.UnknownKeyword).WithLocation(0).WithArguments("Max Pool Size", "; use 'Maximum Pool Size'"));

        // Shared spellings alone count when they parse cleanly as Npgsql (DESIGN.md): "Shared" is ours in an Npgsql project.
        [Fact]
        public Task Values_outside_connection_strings_count_by_their_shape_only() => Verify(
            "appsettings.Production.json",
            @"{
  ""Database"": { ""Main"": ""Server=db.example.com;Database=app;{|PG0002:SSL Mode=Disable|};Maximum Pool Size=20"" },
  ""Query"": ""a=b;c=d"",
  ""Shared"": ""{|PG0004:{|PG0008:Server=db.example.com|}|};Database=app"",
  ""SqlServer"": ""Data Source=db.example.com;Initial Catalog=app;Integrated Security=true""
}",
            AllIds);

        [Fact]
        public Task Connection_strings_without_provider_or_shape_are_left_alone() => Verify(
            "appsettings.json",
            @"{ ""ConnectionStrings"": {
    ""Redis"": ""cache.example.com:6379,password=x,ssl=False"",
    ""Sql"": ""Data Source=db.example.com;Initial Catalog=app;User ID=sa;Password=x"",
    ""Named"": ""Name=ConnectionStrings:Default"",
    ""Empty"": """"
} }",
            AllIds);

        [Fact]
        public Task Name_references_are_not_connection_strings_even_for_npgsql() => Verify(
            "Web.config",
            @"<configuration><connectionStrings>
  <add name=""Ef"" connectionString=""name=Default"" providerName=""Npgsql"" />
  <add name=""Bad"" connectionString=""{|PG0011:Name|}=Default;Host=localhost"" providerName=""Npgsql"" />
</connectionStrings></configuration>",
            AllIds);

        [Fact]
        public Task Uri_without_a_provider_is_checked_for_credentials_only() => Verify(
            "appsettings.json",
            @"{ ""ConnectionStrings"": { ""Heroku"": ""postgres://app:{|PG0006:s3cret|}@db.example.com:5432/app"" } }",
            AllIds);

        [Fact]
        public Task Analyze_local_connections_option_applies_to_config_files()
        {
            var test = Create(new[] { DiagnosticIds.SslModeInsecure });
            test.TestState.AdditionalFiles.Add(("appsettings.json", @"{ ""ConnectionStrings"": { ""Local"": ""Host=localhost;{|PG0002:SSL Mode=Disable|}"" } }"));
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\npgguard.analyze_local_connections = true\n"));
            return test.RunAsync();
        }

        [Fact]
        public Task Test_projects_do_not_get_pool_ceiling_findings()
        {
            var test = Create(new[] { DiagnosticIds.PoolCeiling, DiagnosticIds.SslModeInsecure });
            test.TestState.AdditionalFiles.Add(("appsettings.json", @"{ ""ConnectionStrings"": { ""Db"": ""Host=db.example.com;Username=app;{|PG0002:SSL Mode=Disable|}"" } }"));
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
            return test.RunAsync();
        }

        [Theory]
        [InlineData("nuget.config")]
        [InlineData("packages.config")]
        [InlineData("settings.json")]
        [InlineData("appsettings.json.bak")]
        public Task Other_files_are_not_read(string fileName) => Verify(
            fileName,
            "{ \"ConnectionStrings\": { \"Default\": \"Host=db.example.com;SSL Mode=Disable\" } }" +
            "<configuration><connectionStrings><add name=\"A\" connectionString=\"Host=db.example.com;SSL Mode=Disable\"/></connectionStrings></configuration>",
            AllIds);

        [Fact]
        public Task Projects_without_npgsql_are_not_analysed()
        {
            var test = new CSharpAnalyzerTest<ConfigFileAnalyzer, DefaultVerifier>
            {
                TestCode = NoCode,
                ReferenceAssemblies = TestReferences.None,
            };
            test.TestState.AdditionalReferences.AddRange(TestReferences.Framework);
            test.TestState.AdditionalFiles.Add(("appsettings.json", "{ \"ConnectionStrings\": { \"Default\": \"Host=db.example.com;SSL Mode=Disable\" } }"));
            return test.RunAsync();
        }

        [Fact]
        public Task Findings_before_a_json_error_are_still_reported() => Verify(
            "appsettings.json",
            @"{ ""ConnectionStrings"": { ""A"": ""Host=db.example.com;{|PG0002:SSL Mode=Disable|}"", ""B"": ""Host=db.example.com;SSL Mode=Disable",
            new[] { DiagnosticIds.SslModeInsecure });

        [Fact]
        public void Diagnostics_carry_the_fix_edit_at_file_positions()
        {
            var json = "{\r\n  \"ConnectionStrings\": {\r\n    \"Default\": \"Host=db.example.com;Username=app;SSL Mode=\\u0044isable\",\r\n" +
                       "    \"NoTls\": \"Host=db.example.com;Username=app;Maximum Pool Size=10\"\r\n  }\r\n}\r\n";
            var diagnostics = AnalyzerRunner.Run(new[] { new ConfigFileAnalyzer() }, new[] { ("C.cs", NoCode) }, new[] { ("/src/App/appsettings.json", json) });

            var ssl = Assert.Single(diagnostics, d => d.Id == DiagnosticIds.SslModeInsecure);
            var sslLine = ssl.Location.GetLineSpan();
            Assert.Equal("/src/App/appsettings.json", sslLine.Path);
            Assert.Equal(2, sslLine.StartLinePosition.Line);
            Assert.Equal("SSL Mode=\\u0044isable", json.Substring(ssl.Location.SourceSpan.Start, ssl.Location.SourceSpan.Length));
            Assert.Equal("Replace", ssl.Properties[FindingDiagnostics.EditKindProperty]);
            Assert.Equal("VerifyFull", ssl.Properties[FindingDiagnostics.NewTextProperty]);
            var replaced = EditSpan(ssl);
            Assert.Equal("\\u0044isable", json.Substring(replaced.Start, replaced.Length));

            var missing = Assert.Single(diagnostics, d => d.Id == DiagnosticIds.SslModeMissing);
            Assert.Equal(3, missing.Location.GetLineSpan().StartLinePosition.Line);
            Assert.Equal("Insert", missing.Properties[FindingDiagnostics.EditKindProperty]);
            Assert.Equal(";SSL Mode=VerifyFull", missing.Properties[FindingDiagnostics.NewTextProperty]);
            var inserted = EditSpan(missing);
            Assert.Equal(0, inserted.Length);
            Assert.Equal(json.IndexOf("=10\"", StringComparison.Ordinal) + 3, inserted.Start); // just before the closing quote
        }

        private static TextSpan EditSpan(Diagnostic diagnostic) => new TextSpan(
            int.Parse(diagnostic.Properties[FindingDiagnostics.EditStartProperty]!, CultureInfo.InvariantCulture),
            int.Parse(diagnostic.Properties[FindingDiagnostics.EditLengthProperty]!, CultureInfo.InvariantCulture));

        [Fact]
        public void Messages_never_contain_the_password()
        {
            const string Secret = "Sup3rS3cretCanary";
            var json = "{ \"ConnectionStrings\": { \"A\": \"Host=db.example.com;Username=postgres;Password=" + Secret + ";SSL Mode=Disable;PWD=" + Secret + ";Bogus=" + Secret + "\" } }";
            var xml = "<configuration><connectionStrings><add name=\"A\" connectionString=\"Host=10.0.0.1;Password=" + Secret + ";SSL Password=" + Secret + "\"/></connectionStrings></configuration>";
            var diagnostics = AnalyzerRunner.Run(
                new[] { new ConfigFileAnalyzer() }, new[] { ("C.cs", NoCode) }, new[] { ("appsettings.json", json), ("web.config", xml) });

            Assert.NotEmpty(diagnostics);
            Assert.All(diagnostics, d => Assert.DoesNotContain(Secret, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        [Fact]
        public void Survives_hostile_config_files()
        {
            var random = new Random(99);
            var junk = new string(Enumerable.Range(0, 1_000_000).Select(_ => (char)random.Next(0, 0x10000)).ToArray());
            var deep = "{" + string.Concat(Enumerable.Repeat("\"a\":{", 100_000));
            var deepXml = string.Concat(Enumerable.Repeat("<a>", 100_000));
            var huge = "{\"ConnectionStrings\":{" + string.Concat(Enumerable.Range(0, 20_000).Select(i =>
                "\"K" + i + "\":\"Host=db" + i + ".example.com;Username=postgres;Password=p;SSL Mode=Disable;Bogus='x\",")) + "}}";
            var files = new[]
            {
                ("appsettings.json", junk), ("web.config", junk), ("appsettings.Staging.json", deep), ("app.config", deepXml),
                ("appsettings.Production.json", huge), ("Web.Release.config", "<configuration><connectionStrings><add name=\"A\" connectionString=\"&#xD800;"),
                ("appsettings.Test.json", "{\"ConnectionStrings\":{\"A\":\"\\ud800=\\u0000;Host=\\\"\"}}"),
            };

            var diagnostics = AnalyzerRunner.Run(new[] { new ConfigFileAnalyzer() }, new[] { ("C.cs", NoCode) }, files);

            Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.SslModeInsecure && d.Location.GetLineSpan().Path == "appsettings.Production.json");
        }
    }
}
