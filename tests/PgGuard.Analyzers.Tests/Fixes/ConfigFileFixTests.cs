using System;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Tests.Verifiers;
using PgGuard.CodeFixes;

namespace PgGuard.Analyzers.Tests.Fixes
{
    /// <summary>
    /// The connection-string fixes inside appsettings JSON strings and app/web.config attributes, applied through an
    /// AdhocWorkspace (the testing library does not fix additional documents). Each case re-runs the analyzer on the
    /// fixed file: the fixed diagnostic is gone and no other appeared or vanished.
    /// </summary>
    public class ConfigFileFixTests
    {
        private static string Json(string connectionString) =>
            "{\n  \"ConnectionStrings\": {\n    \"Default\": \"" + connectionString + "\"\n  }\n}\n";

        private static string Xml(string attribute) =>
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <connectionStrings>\n    <add name=\"Default\" " + attribute +
            " providerName=\"Npgsql\" />\n  </connectionStrings>\n</configuration>\n";

        private static Task VerifyJson(string id, string title, string before, string after) =>
            AdditionalDocumentFixHarness.VerifyAsync("appsettings.json", Json(before), id, title, Json(after));

        private static Task VerifyXml(string id, string title, string before, string after) =>
            AdditionalDocumentFixHarness.VerifyAsync("Web.config", Xml(before), id, title, Xml(after));

        [Fact]
        public Task Sets_ssl_mode_in_json() => VerifyJson(
            DiagnosticIds.SslModeInsecure, "Change 'Disable' to 'VerifyFull'",
            "Host=db.example.com;Username=app;SSL Mode=Disable;Maximum Pool Size=20",
            "Host=db.example.com;Username=app;SSL Mode=VerifyFull;Maximum Pool Size=20");

        [Fact]
        public Task Replaces_only_the_escaped_value_and_keeps_the_escaped_key() => VerifyJson(
            DiagnosticIds.SslModeInsecure, "Change 'Disable' to 'VerifyFull'",
            @"Host=db.example.com;Username=app;\u0053SL Mode=\u0044isable;Maximum Pool Size=20",
            @"Host=db.example.com;Username=app;\u0053SL Mode=VerifyFull;Maximum Pool Size=20");

        [Fact]
        public Task Follows_the_ssl_mode_option() => AdditionalDocumentFixHarness.VerifyAsync(
            "appsettings.Production.json",
            Json("Host=db.example.com;Username=app;SSL Mode=Prefer;Maximum Pool Size=20"),
            DiagnosticIds.SslModeInsecure, "Change 'Prefer' to 'VerifyCA'",
            Json("Host=db.example.com;Username=app;SSL Mode=VerifyCA;Maximum Pool Size=20"),
            globalConfig: "is_global = true\npgguard.ssl_mode = VerifyCA\n",
            appearingId: DiagnosticIds.ServerIdentityNotVerified); // VerifyCA skips the host name check: PG0009, an Info

        [Fact]
        public Task Removes_trust_server_certificate_next_to_escaped_quotes() => VerifyJson(
            DiagnosticIds.CertificateValidationDisabled, "Remove 'Trust Server Certificate=true'",
            @"Host=db.example.com;Username=app;Search Path=\""a\\b\"";Trust Server Certificate=true;SSL Mode=VerifyFull;Maximum Pool Size=20",
            @"Host=db.example.com;Username=app;Search Path=\""a\\b\"";SSL Mode=VerifyFull;Maximum Pool Size=20");

        [Fact]
        public Task Appends_ssl_mode_before_the_closing_quote() => VerifyJson(
            DiagnosticIds.SslModeMissing, "Add 'SSL Mode=VerifyFull'",
            "Host=db.example.com;Username=app;Maximum Pool Size=20",
            "Host=db.example.com;Username=app;Maximum Pool Size=20;SSL Mode=VerifyFull");

        [Fact]
        public Task Removes_pooling_false() => VerifyJson(
            DiagnosticIds.PoolingDisabled, "Remove 'Pooling=false'",
            "Host=db.example.com;Username=app;Pooling=false;SSL Mode=VerifyFull;Maximum Pool Size=20",
            "Host=db.example.com;Username=app;SSL Mode=VerifyFull;Maximum Pool Size=20");

        [Fact]
        public Task Inserts_a_pool_ceiling() => VerifyJson(
            DiagnosticIds.PoolCeiling, "Add 'Maximum Pool Size=20'",
            "Host=db.example.com;Username=app;SSL Mode=VerifyFull;",
            "Host=db.example.com;Username=app;SSL Mode=VerifyFull;Maximum Pool Size=20");

        [Fact]
        public Task Lowers_a_pool_ceiling_above_the_limit() => VerifyJson(
            DiagnosticIds.PoolCeiling, "Change '500' to '100'",
            "Host=db.example.com;Username=app;SSL Mode=VerifyFull;Maximum Pool Size=500",
            "Host=db.example.com;Username=app;SSL Mode=VerifyFull;Maximum Pool Size=100");

        [Fact]
        public Task Verifies_the_server_identity() => VerifyJson(
            DiagnosticIds.ServerIdentityNotVerified, "Change 'Require' to 'VerifyFull'",
            "Host=db.example.com;Username=app;SSL Mode=Require;Maximum Pool Size=20",
            "Host=db.example.com;Username=app;SSL Mode=VerifyFull;Maximum Pool Size=20");

        [Fact]
        public Task Removes_a_sensitive_setting() => VerifyJson(
            DiagnosticIds.SensitiveDataLeak, "Remove 'Include Error Detail=true'",
            "Host=db.example.com;Username=app;SSL Mode=VerifyFull;Maximum Pool Size=20;Include Error Detail=true",
            "Host=db.example.com;Username=app;SSL Mode=VerifyFull;Maximum Pool Size=20");

        [Fact]
        public Task Renames_a_foreign_keyword() => VerifyJson(
            DiagnosticIds.InvalidConnectionString, "Change 'User' to 'Username'",
            "Host=db.example.com;User=app;SSL Mode=VerifyFull;Maximum Pool Size=20",
            "Host=db.example.com;Username=app;SSL Mode=VerifyFull;Maximum Pool Size=20");

        [Fact]
        public Task Renames_a_libpq_value() => VerifyJson(
            DiagnosticIds.InvalidConnectionString, "Change 'verify-full' to 'VerifyFull'",
            "Host=db.example.com;Username=app;SSL Mode=verify-full;Maximum Pool Size=20",
            "Host=db.example.com;Username=app;SSL Mode=VerifyFull;Maximum Pool Size=20");

        [Fact]
        public Task Sets_ssl_mode_in_xml_next_to_entities() => VerifyXml(
            DiagnosticIds.SslModeInsecure, "Change 'Allow' to 'VerifyFull'",
            "connectionString=\"Host=db.example.com;Username=app;Application Name=&quot;R&amp;D 1&quot;;SSL Mode=Allow;Maximum Pool Size=20\"",
            "connectionString=\"Host=db.example.com;Username=app;Application Name=&quot;R&amp;D 1&quot;;SSL Mode=VerifyFull;Maximum Pool Size=20\"");

        [Fact]
        public Task Sets_ssl_mode_written_with_character_references() => VerifyXml(
            DiagnosticIds.SslModeInsecure, "Change 'Disable' to 'VerifyFull'",
            "connectionString=\"Host=db.example.com;Username=app;SSL Mode=&#68;isable;Maximum Pool Size=20\"",
            "connectionString=\"Host=db.example.com;Username=app;SSL Mode=VerifyFull;Maximum Pool Size=20\"");

        [Fact]
        public Task Removes_a_setting_in_a_single_quoted_attribute() => VerifyXml(
            DiagnosticIds.CertificateValidationDisabled, "Remove 'Trust Server Certificate=true'",
            "connectionString='Host=db.example.com;Username=app;Application Name=\"Bob&apos;s app\";Trust Server Certificate=true;SSL Mode=VerifyFull;Maximum Pool Size=20'",
            "connectionString='Host=db.example.com;Username=app;Application Name=\"Bob&apos;s app\";SSL Mode=VerifyFull;Maximum Pool Size=20'");

        [Fact]
        public Task Appends_ssl_mode_in_a_single_quoted_attribute() => VerifyXml(
            DiagnosticIds.SslModeMissing, "Add 'SSL Mode=VerifyFull'",
            "connectionString='Host=db.example.com;Username=app;Maximum Pool Size=20'",
            "connectionString='Host=db.example.com;Username=app;Maximum Pool Size=20;SSL Mode=VerifyFull'");

        [Fact]
        public Task Fixes_an_app_settings_value() => AdditionalDocumentFixHarness.VerifyAsync(
            "App.config",
            "<configuration>\n  <appSettings>\n    <add key=\"Db\" value=\"Host=db.example.com;Username=app;SSL Mode=VerifyFull;Maximum Pool Size=20;Log Parameters=true\" />\n  </appSettings>\n</configuration>\n",
            DiagnosticIds.SensitiveDataLeak, "Remove 'Log Parameters=true'",
            "<configuration>\n  <appSettings>\n    <add key=\"Db\" value=\"Host=db.example.com;Username=app;SSL Mode=VerifyFull;Maximum Pool Size=20\" />\n  </appSettings>\n</configuration>\n");

        [Fact]
        public Task Offers_no_fix_for_a_finding_without_an_edit() => AdditionalDocumentFixHarness.VerifyNoFixAsync(
            "appsettings.json", Json("Host=db.example.com;Username=app;SSL Mode=VerifyFull;Maximum Pool Size=20;Bogus=1"), DiagnosticIds.InvalidConnectionString);

        [Fact]
        public async Task Offers_no_fix_when_the_file_changed_under_the_diagnostic()
        {
            using var harness = AdditionalDocumentFixHarness.Create("appsettings.json", Json("Host=db.example.com;Username=app;SSL Mode=Disable;Maximum Pool Size=20"));
            var diagnostic = Assert.Single(await harness.AnalyzeAsync(), d => d.Id == DiagnosticIds.SslModeInsecure);

            // The same length, but the edit's characters now straddle the end of a value.
            var text = await harness.File.GetTextAsync();
            var stale = text.ToString().Replace("SSL Mode=Disable", "SSL Mod\", \"x\": \"", StringComparison.Ordinal);
            using var changed = AdditionalDocumentFixHarness.Create("appsettings.json", stale);

            Assert.Empty(await changed.GetFixesAsync(diagnostic));
        }

        [Fact]
        public void Fixes_the_same_rules_with_the_same_keys_as_the_csharp_provider()
        {
            Assert.Equal(new ConnectionStringCodeFixProvider().FixableDiagnosticIds, new ConfigFileCodeFixProvider().FixableDiagnosticIds);

            var export = typeof(ConfigFileCodeFixProvider).GetCustomAttribute<ExportCodeFixProviderAttribute>()!;
            Assert.Equal(new[] { LanguageNames.CSharp }, export.Languages);
            Assert.Equal(new[] { nameof(TextDocumentKind.AdditionalDocument) }, export.DocumentKinds);
            Assert.Equal(new[] { ".json", ".config" }, export.DocumentExtensions);
        }

        // Roslyn's batch fixer groups diagnostics by syntax tree; one in an additional file has none, so it offers nothing
        // (seen here on 4.11, and on 4.8 in a throwaway console check against Workspaces 4.8.0).
        [Fact]
        public async Task Batch_fixer_does_not_reach_additional_documents()
        {
            var before = Json("Host=db.example.com;Username=app;Maximum Pool Size=20");
            using var harness = AdditionalDocumentFixHarness.Create(("appsettings.json", before));
            var context = harness.CreateFixAllContext(
                new ConfigFileCodeFixProvider(), FixAllScope.Project, ConnectionStringFixKeys.AppendSslMode, DiagnosticIds.SslModeMissing);
            Assert.Single(await harness.AnalyzeAsync(), d => d.Id == DiagnosticIds.SslModeMissing);

            Assert.Null(await WellKnownFixAllProviders.BatchFixer.GetFixAsync(context));
            Assert.Equal(before, await harness.TextOfAsync(0));
        }

        [Fact]
        public async Task Fix_all_in_project_fixes_every_config_file_with_the_same_key_only()
        {
            using var harness = AdditionalDocumentFixHarness.Create(
                ("appsettings.json", "{ \"ConnectionStrings\": {\n  \"A\": \"Host=a.example.com;Username=app;Maximum Pool Size=20\",\n  \"B\": \"Host=b.example.com;Username=app;Maximum Pool Size=20;\",\n  \"C\": \"Host=c.example.com;Username=app;SSL Mode=Disable;Maximum Pool Size=20\"\n} }\n"),
                ("Web.config", Xml("connectionString='Host=d.example.com;Username=app;Maximum Pool Size=20'")),
                ("appsettings.Development.json", "{ \"ConnectionStrings\": { \"Local\": \"Host=localhost;Username=app\" } }\n"));
            var provider = new ConfigFileCodeFixProvider();
            Assert.Equal(new[] { FixAllScope.Project, FixAllScope.Solution }, provider.GetFixAllProvider().GetSupportedFixAllScopes());
            var context = harness.CreateFixAllContext(provider, FixAllScope.Project, ConnectionStringFixKeys.AppendSslMode, DiagnosticIds.SslModeMissing);

            var action = await provider.GetFixAllProvider().GetFixAsync(context);

            Assert.NotNull(action);
            await harness.ApplyAsync(action!);
            Assert.Equal(
                "{ \"ConnectionStrings\": {\n  \"A\": \"Host=a.example.com;Username=app;Maximum Pool Size=20;SSL Mode=VerifyFull\",\n  \"B\": \"Host=b.example.com;Username=app;Maximum Pool Size=20;SSL Mode=VerifyFull\",\n  \"C\": \"Host=c.example.com;Username=app;SSL Mode=Disable;Maximum Pool Size=20\"\n} }\n",
                await harness.TextOfAsync(0));
            Assert.Equal(Xml("connectionString='Host=d.example.com;Username=app;Maximum Pool Size=20;SSL Mode=VerifyFull'"), await harness.TextOfAsync(1));
            Assert.Equal("{ \"ConnectionStrings\": { \"Local\": \"Host=localhost;Username=app\" } }\n", await harness.TextOfAsync(2));
            var remaining = await AdditionalDocumentFixHarness.AnalyzeAsync(harness.Solution);
            Assert.Equal(new[] { DiagnosticIds.SslModeInsecure }, remaining.Select(d => d.Id));
        }

        [Fact]
        public async Task Fix_all_over_thousands_of_values_reads_the_file_once()
        {
            var entries = Enumerable.Range(0, 3000).Select(i => "\"K" + i + "\": \"Host=db" + i + ".example.com;Username=app;Maximum Pool Size=20\"");
            using var harness = AdditionalDocumentFixHarness.Create(("appsettings.json", "{ \"ConnectionStrings\": {\n" + string.Join(",\n", entries) + "\n} }\n"));
            var provider = new ConfigFileCodeFixProvider();
            var context = harness.CreateFixAllContext(provider, FixAllScope.Project, ConnectionStringFixKeys.AppendSslMode, DiagnosticIds.SslModeMissing);
            var watch = System.Diagnostics.Stopwatch.StartNew();

            var action = await provider.GetFixAllProvider().GetFixAsync(context);

            await harness.ApplyAsync(action!);
            Assert.Equal(3000, (await harness.TextOfAsync(0)).Split(";Maximum Pool Size=20;SSL Mode=VerifyFull\"").Length - 1);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), watch.Elapsed.ToString());
        }

        [Fact]
        public async Task Fix_all_applies_neighbouring_removals_together()
        {
            using var harness = AdditionalDocumentFixHarness.Create(
                ("appsettings.json", Json("Host=db.example.com;Username=app;SSL Mode=VerifyFull;Maximum Pool Size=20;Include Error Detail=true;Log Parameters=true;Persist Security Info=true")));
            var provider = new ConfigFileCodeFixProvider();
            var context = harness.CreateFixAllContext(provider, FixAllScope.Solution, ConnectionStringFixKeys.RemoveSensitiveSetting, DiagnosticIds.SensitiveDataLeak);

            await harness.ApplyAsync((await provider.GetFixAllProvider().GetFixAsync(context))!);

            Assert.Equal(Json("Host=db.example.com;Username=app;SSL Mode=VerifyFull;Maximum Pool Size=20"), await harness.TextOfAsync(0));
            Assert.Empty(await AdditionalDocumentFixHarness.AnalyzeAsync(harness.Solution));
        }
    }
}
