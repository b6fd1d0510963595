using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using PgGuard.Analyzers.Analyzers;
using PgGuard.Analyzers.Config;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Tests.Verifiers;
using VerifyCS = PgGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PgGuard.Analyzers.Analyzers.NamedConnectionStringAnalyzer>;

namespace PgGuard.Analyzers.Tests.Rules
{
    /// <summary>PG0014: a connection-string name in code that the appsettings files miss by one typing mistake.</summary>
    public class NamedConnectionStringTests
    {
        private const string AppSettings = @"{
  ""ConnectionStrings"": {
    ""Default"": ""Host=db.example.com;SSL Mode=VerifyFull"",
    ""Reporting"": { ""Replica1"": ""Host=r1.example.com"" },
    ""Placeholder"": null
  },
  ""Defaultt"": ""Host=orders.example.com""
}";

        private static readonly string[] Only = { DiagnosticIds.NamedConnectionStringNotFound };

        private static CSharpAnalyzerTest<NamedConnectionStringAnalyzer, DefaultVerifier> Create(string statements, params (string Name, string Text)[] files)
        {
            var test = VerifyCS.Create(
                "using Microsoft.Extensions.Configuration;\n" + Code.InMethod(statements).Replace(
                    "void M(string host", "void M(IConfiguration configuration, IConfigurationRoot root, IConfigurationSection section, string host", System.StringComparison.Ordinal),
                Only);
            foreach (var file in files)
            {
                test.TestState.AdditionalFiles.Add(file);
            }

            return test;
        }

        private static Task Verify(string statements, params DiagnosticResult[] expected)
        {
            var test = Create(statements, ("appsettings.json", AppSettings), ("appsettings.Development.json", "{ \"ConnectionStrings\": { \"LocalOnly\": \"Host=localhost\" } }"));
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        private static DiagnosticResult Typo(string name, string suggestion) =>
            VerifyCS.Diagnostic(Descriptors.NamedConnectionStringNotFound).WithLocation(0).WithArguments(name, suggestion);

        [Theory]
        [InlineData("var cs = configuration.GetConnectionString({|#0:\"Defualt\"|});", "Defualt")]
        [InlineData("var cs = root.GetConnectionString({|#0:\"Defaults\"|});", "Defaults")]
        [InlineData("var cs = root.GetConnectionString({|#0:\"Defaultt\"|});", "Defaultt")]
        [InlineData("var cs = ConfigurationExtensions.GetConnectionString(configuration, {|#0:\"Defaul\"|});", "Defaul")]
        [InlineData("var cs = configuration[{|#0:\"ConnectionStrings:Defualt\"|}];", "Defualt")]
        [InlineData("var cs = root[{|#0:\"connectionstrings:Dfault\"|}];", "Dfault")]
        [InlineData("optionsBuilder.UseNpgsql({|#0:\"Name=Defualt\"|});", "Defualt")]
        [InlineData("optionsBuilder.UseNpgsql({|#0:\"name=ConnectionStrings:Defualt\"|});", "Defualt")]
        [InlineData("const string Name = \"LocalOnyl\"; var cs = configuration.GetConnectionString({|#0:Name|});", "LocalOnyl")]
        public Task Flags_a_name_one_typo_away_from_a_defined_one(string statements, string name) =>
            Verify("        " + statements, Typo(name, name.StartsWith("Local") ? "LocalOnly" : "Default"));

        [Theory]
        [InlineData("var cs = configuration.GetConnectionString(\"Default\");")]                  // defined
        [InlineData("var cs = configuration.GetConnectionString(\"DEFAULT\");")]                  // keys ignore case
        [InlineData("var cs = configuration.GetConnectionString(\"LocalOnly\");")]                // any appsettings file counts
        [InlineData("var cs = configuration.GetConnectionString(\"Placeholder\");")]              // a null value still defines the key
        [InlineData("var cs = configuration.GetConnectionString(\"Reporting:Replica1\");")]       // nested
        [InlineData("var cs = configuration.GetConnectionString(\"Analytics\");")]                // maybe an environment variable: no near name
        [InlineData("var cs = configuration.GetConnectionString(\"Reporting:Replica2\");")]       // nested names are not guessed
        [InlineData("var cs = configuration.GetConnectionString(host);")]                         // not a constant
        [InlineData("var cs = section.GetConnectionString(\"Defualt\");")]                       // relative to an unknown section
        [InlineData("var cs = section[\"ConnectionStrings:Defualt\"];")]
        [InlineData("var cs = configuration.GetSection(\"ConnectionStrings\")[\"Defualt\"];")]
        [InlineData("var cs = configuration[\"Logging:Defualt\"];")]                               // not a connection string
        [InlineData("configuration[\"ConnectionStrings:Defualt\"] = \"Host=x\";")]                 // defines it
        [InlineData("optionsBuilder.UseNpgsql(\"Name=Defaultt\");")]                              // EF reads config[X] first
        [InlineData("optionsBuilder.UseNpgsql(\"Name=Default\");")]
        [InlineData("optionsBuilder.UseNpgsql(\"Host=Defualt\");")]                               // not a name reference
        [InlineData("optionsBuilder.UseNpgsql(\"Name=Defualt;Host=x\");")]                        // EF resolves only a lone Name
        public Task Does_not_flag(string statements) => Verify("        " + statements);

        [Fact]
        public Task Silent_when_no_appsettings_file_was_fed()
        {
            var test = Create("        var cs = configuration.GetConnectionString(\"Defualt\");", ("Web.config", "<configuration><connectionStrings><add name=\"Default\" connectionString=\"Host=x\"/></connectionStrings></configuration>"));
            return test.RunAsync();
        }

        [Fact]
        public Task Silent_when_an_appsettings_file_cannot_be_read_to_its_end()
        {
            var test = Create(
                "        var cs = configuration.GetConnectionString(\"Defualt\");",
                ("appsettings.json", AppSettings), ("appsettings.Production.json", "{ \"ConnectionStrings\": { \"Defualt\": "));
            return test.RunAsync();
        }

        [Fact]
        public Task Silent_in_a_project_with_user_secrets()
        {
            var test = Create("        var cs = configuration.GetConnectionString(\"Defualt\");", ("appsettings.json", AppSettings));
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.UserSecretsId = 5d1f0c3a-aspnet-app\n"));
            return test.RunAsync();
        }

        [Fact]
        public Task Silent_in_a_project_with_a_user_secrets_attribute()
        {
            var test = Create("        var cs = configuration.GetConnectionString(\"Defualt\");", ("appsettings.json", AppSettings));
            test.TestState.Sources.Add(@"[assembly: Microsoft.Extensions.Configuration.UserSecrets.UserSecretsIdAttribute(""app-secrets"")]
namespace Microsoft.Extensions.Configuration.UserSecrets
{
    [System.AttributeUsage(System.AttributeTargets.Assembly)]
    public sealed class UserSecretsIdAttribute : System.Attribute { public UserSecretsIdAttribute(string id) { } }
}");
            return test.RunAsync();
        }

        [Theory]
        [InlineData("Default", "Defualt", true)]   // swap
        [InlineData("Default", "Defaul", true)]    // drop
        [InlineData("Default", "Defaultt", true)]  // add
        [InlineData("Default", "Dexault", true)]   // change
        [InlineData("Default", "dEFAULt", false)]  // the same key
        [InlineData("Default", "Defuatl", false)]  // two edits
        [InlineData("Main", "Mian", true)]
        [InlineData("Db1", "Db2", false)]          // too short to guess
        [InlineData("Replica1", "Replica2", false)] // numbered siblings
        [InlineData("Replica", "Replica2", false)]
        [InlineData("Replica12", "Replica21", false)]
        [InlineData("Replica-1", "Replica_1", true)]
        public void Typo_means_exactly_one_edit_that_is_not_a_digit(string a, string b, bool expected)
        {
            Assert.Equal(expected, ConfigurationKeys.IsTypo(a, b));
            Assert.Equal(expected, ConfigurationKeys.IsTypo(b, a));
        }
    }
}
