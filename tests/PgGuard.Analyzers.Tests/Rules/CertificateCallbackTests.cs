using System.Threading.Tasks;
using PgGuard.Analyzers.Analyzers;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Tests.Verifiers;
using VerifyCS = PgGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PgGuard.Analyzers.Analyzers.CertificateCallbackAnalyzer>;

namespace PgGuard.Analyzers.Tests.Rules
{
    /// <summary>PG0003 in code: certificate validation callbacks that accept every certificate.</summary>
    public class CertificateCallbackTests
    {
        private static readonly string[] Only = { DiagnosticIds.CertificateValidationDisabled };

        /// <summary>The legacy callback APIs are obsolete from Npgsql 9; real code that still uses them silences CS0618.</summary>
        internal const string Prelude = @"#nullable enable
#pragma warning disable CS0618
using System.Linq;
using System.Net.Http;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
";

        internal static string InMethod(string statements, string members = "") => Prelude + Code.InMethod(statements, members);

        private static Task Flagged(string statements, string members = "") =>
            VerifyCS.VerifyAsync(InMethod(statements, members), Only, VerifyCS.Diagnostic(Descriptors.AcceptAllCertificateCallback).WithLocation(0));

        private static Task NotFlagged(string statements, string members = "") => VerifyCS.VerifyAsync(InMethod(statements, members), Only);

        // ---- flagged ----------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("{|#0:(sender, certificate, chain, errors) => true|}")]
        [InlineData("{|#0:(_, _, _, _) => true|}")]
        [InlineData("{|#0:static (sender, certificate, chain, errors) => true|}")]
        [InlineData("({|#0:(sender, certificate, chain, errors) => true|})")]
        [InlineData("{|#0:(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => { return true; }|}")]
        [InlineData("{|#0:delegate { return true; }|}")]
        [InlineData("{|#0:delegate (object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) { return true; }|}")]
        [InlineData("new RemoteCertificateValidationCallback({|#0:(sender, certificate, chain, errors) => true|})")]
        public Task Flags_every_function_form_given_to_the_builder(string callback) =>
            Flagged("        new NpgsqlDataSourceBuilder(\"Host=db\").UseUserCertificateValidationCallback(" + callback + ");");

        [Fact]
        public Task Flags_the_slim_builder() =>
            Flagged("        var builder = new NpgsqlSlimDataSourceBuilder(\"Host=db\");\n        builder.UseUserCertificateValidationCallback({|#0:(s, c, ch, e) => true|});");

        [Fact]
        public Task Flags_a_block_whose_every_return_is_true() => Flagged(@"
        var builder = new NpgsqlDataSourceBuilder(""Host=db"");
        builder.UseUserCertificateValidationCallback({|#0:(sender, certificate, chain, errors) =>
        {
            if (System.DateTime.UtcNow.Year > 2000)
            {
                return true;
            }

            return true;
        }|});");

        [Fact]
        public Task Flags_a_local_function_method_group() => Flagged(@"
        var builder = new NpgsqlDataSourceBuilder(""Host=db"");
        builder.UseUserCertificateValidationCallback({|#0:AcceptAll|});

        static bool AcceptAll(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;");

        [Fact]
        public Task Flags_a_method_group_by_its_name() => Flagged(
            "        new NpgsqlDataSourceBuilder(\"Host=db\").UseUserCertificateValidationCallback(C.{|#0:AcceptAll|});",
            @"
    private static bool AcceptAll(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        return true;
    }
");

        [Fact]
        public Task Flags_the_connection_property() => Flagged(@"
        using var connection = new NpgsqlConnection();
        connection.UserCertificateValidationCallback = {|#0:(sender, certificate, chain, errors) => true|};");

        [Fact]
        public Task Flags_the_validation_callback_inside_the_options_callback() => Flagged(@"
        var builder = new NpgsqlDataSourceBuilder(""Host=db"");
        builder.UseSslClientAuthenticationOptionsCallback(options =>
            options.RemoteCertificateValidationCallback = {|#0:(sender, certificate, chain, errors) => true|});");

        [Fact]
        public Task Flags_the_connection_options_callback() => Flagged(@"
        using var connection = new NpgsqlConnection();
        connection.SslClientAuthenticationOptionsCallback = options =>
        {
            options.TargetHost = ""db.example.com"";
            options.RemoteCertificateValidationCallback = {|#0:delegate { return true; }|};
        };");

        [Fact]
        public Task Flags_an_options_callback_method_group() => Flagged(
            "        new NpgsqlSlimDataSourceBuilder(\"Host=db\").EnableTransportSecurity().UseSslClientAuthenticationOptionsCallback(ConfigureTls);",
            @"
    private static void ConfigureTls(SslClientAuthenticationOptions options) =>
        options.RemoteCertificateValidationCallback = {|#0:(sender, certificate, chain, errors) => true|};
");

        [Fact]
        public Task Flags_the_ef_core_option() => Flagged(@"
        optionsBuilder.UseNpgsql(""Host=db"", npgsql => npgsql.RemoteCertificateValidationCallback({|#0:(sender, certificate, chain, errors) => true|}));");

        [Fact]
        public Task Flags_the_builder_reached_through_ef_core_configure_data_source() => Flagged(@"
        optionsBuilder.UseNpgsql(""Host=db"", npgsql => npgsql.ConfigureDataSource(dataSource =>
            dataSource.UseSslClientAuthenticationOptionsCallback(options => options.RemoteCertificateValidationCallback = {|#0:(s, c, ch, e) => true|})));");

        [Fact]
        public Task Flags_each_callback_once() => VerifyCS.VerifyAsync(
            InMethod(@"
        var builder = new NpgsqlDataSourceBuilder(""Host=db"");
        builder.UseUserCertificateValidationCallback({|#0:(s, c, ch, e) => true|});
        using var connection = new NpgsqlConnection();
        connection.UserCertificateValidationCallback = {|#1:AcceptAll|};
        connection.SslClientAuthenticationOptionsCallback = o => o.RemoteCertificateValidationCallback = {|#2:AcceptAll|};

        bool AcceptAll(object s, X509Certificate? c, X509Chain? ch, SslPolicyErrors e) => true;"),
            Only,
            VerifyCS.Diagnostic(Descriptors.AcceptAllCertificateCallback).WithLocation(0),
            VerifyCS.Diagnostic(Descriptors.AcceptAllCertificateCallback).WithLocation(1),
            VerifyCS.Diagnostic(Descriptors.AcceptAllCertificateCallback).WithLocation(2));

        // ---- not flagged ------------------------------------------------------------------------------------------

        [Theory]
        [InlineData("(sender, certificate, chain, errors) => errors == SslPolicyErrors.None")]
        [InlineData("(sender, certificate, chain, errors) => false")]
        [InlineData("(sender, certificate, chain, errors) => { if (errors != SslPolicyErrors.None) { return false; } return true; }")]
        [InlineData("(sender, certificate, chain, errors) => certificate is not null && certificate.GetCertHashString() == PinnedThumbprint")]
        [InlineData("(sender, certificate, chain, errors) => errors == SslPolicyErrors.None || (errors == SslPolicyErrors.RemoteCertificateChainErrors && chain!.ChainStatus.All(s => s.Status == X509ChainStatusFlags.UntrustedRoot) && chain.ChainElements[^1].Certificate.Thumbprint == PinnedThumbprint)")]
        [InlineData("(sender, certificate, chain, errors) => { Validator.EnsureTrusted(certificate); return true; }")] // the helper throws on a bad certificate
        [InlineData("(sender, certificate, chain, errors) => { if (!AllowUntrusted) { throw new AuthenticationException(); } return true; }")]
        [InlineData("(sender, certificate, chain, errors) => AllowUntrusted")]
        [InlineData("ValidateServer")]
        [InlineData("Validator.Validate")]
        public Task Does_not_flag_callbacks_that_validate(string callback) => NotFlagged(
            "        new NpgsqlDataSourceBuilder(\"Host=db\").UseUserCertificateValidationCallback(" + callback + ");",
            @"
    private const string PinnedThumbprint = ""3B1EFD3A66EA28B16697394703A72CA340A05BD5"";
    private static bool AllowUntrusted => false;

    private static bool ValidateServer(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        return certificate?.GetCertHashString() == PinnedThumbprint;
    }

    private static class Validator
    {
        public static void EnsureTrusted(X509Certificate? certificate)
        {
            if (certificate is null) throw new AuthenticationException(""no certificate"");
        }

        public static bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
            errors == SslPolicyErrors.None;
    }
");

        [Theory]
        [InlineData("connection.UserCertificateValidationCallback = (sender, certificate, chain, errors) => errors == SslPolicyErrors.None;")]
        [InlineData("connection.UserCertificateValidationCallback = ValidateWithPrivateRoot;")]
        [InlineData("connection.UserCertificateValidationCallback = (sender, certificate, chain, errors) => sender is SslStream { IsMutuallyAuthenticated: true };")]
        [InlineData("connection.SslClientAuthenticationOptionsCallback = options => options.RemoteCertificateValidationCallback = ValidateWithPrivateRoot;")]
        [InlineData("connection.SslClientAuthenticationOptionsCallback = options => options.CertificateChainPolicy = new X509ChainPolicy { RevocationMode = X509RevocationMode.Online };")]
        [InlineData("optionsBuilder.UseNpgsql(\"Host=db\", npgsql => npgsql.RemoteCertificateValidationCallback(ValidateWithPrivateRoot));")]
        [InlineData("optionsBuilder.UseNpgsql(\"Host=db\", npgsql => npgsql.RemoteCertificateValidationCallback((sender, certificate, chain, errors) => errors == SslPolicyErrors.None));")]
        [InlineData("connection.UserCertificateValidationCallback = null;")]
        public Task Does_not_flag_validating_callbacks_on_the_connection_and_in_ef_core(string statement) => NotFlagged(
            "        using var connection = new NpgsqlConnection();\n        " + statement,
            @"
    private static readonly X509Certificate2 PrivateRoot = X509CertificateLoader.LoadCertificateFromFile(""/etc/ssl/certs/db-ca.pem"");

    private static bool ValidateWithPrivateRoot(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.Add(PrivateRoot);
        return custom.Build(new X509Certificate2(certificate));
    }
");

        [Fact]
        public Task Does_not_flag_options_callbacks_that_do_not_replace_validation() => NotFlagged(@"
        var clientCertificate = X509CertificateLoader.LoadPkcs12FromFile(""client.pfx"", null);
        var builder = new NpgsqlDataSourceBuilder(""Host=db;SSL Mode=VerifyFull"");
        builder.UseSslClientAuthenticationOptionsCallback(options =>
        {
            options.ClientCertificates = new X509CertificateCollection { clientCertificate };
            options.EnabledSslProtocols = SslProtocols.Tls13;
        });
        builder.UseSslClientAuthenticationOptionsCallback(options =>
            options.RemoteCertificateValidationCallback = (sender, certificate, chain, errors) => errors == SslPolicyErrors.None);");

        [Fact]
        public Task Does_not_flag_callbacks_of_other_apis() => NotFlagged(@"
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => true };
        var options = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = (sender, certificate, chain, errors) => true };
        options.RemoteCertificateValidationCallback = (sender, certificate, chain, errors) => true;
        using var stream = new SslStream(System.IO.Stream.Null, false, (sender, certificate, chain, errors) => true);
        System.Net.ServicePointManager.ServerCertificateValidationCallback = delegate { return true; };");

        [Fact]
        public Task Does_not_flag_a_virtual_method_group() => NotFlagged(
            "        new NpgsqlDataSourceBuilder(\"Host=db\").UseUserCertificateValidationCallback(Validate);",
            @"
    protected virtual bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;
");

        [Fact]
        public Task Does_not_flag_callbacks_it_cannot_see()
        {
            // FN: a callback stored in a variable, or declared in another file, is not followed.
            var test = VerifyCS.Create(
                InMethod(@"
        RemoteCertificateValidationCallback acceptAll = (sender, certificate, chain, errors) => true;
        new NpgsqlDataSourceBuilder(""Host=db"").UseUserCertificateValidationCallback(acceptAll);
        new NpgsqlDataSourceBuilder(""Host=db"").UseUserCertificateValidationCallback(Callbacks.AcceptAll);"),
                Only);
            test.TestState.Sources.Add(("Callbacks.cs", @"using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
static class Callbacks
{
    public static bool AcceptAll(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;
}"));
            return test.RunAsync();
        }

        [Fact]
        public Task Does_not_flag_callbacks_that_never_return() => NotFlagged(
            "        new NpgsqlDataSourceBuilder(\"Host=db\").UseUserCertificateValidationCallback((sender, certificate, chain, errors) => throw new AuthenticationException());");

        [Fact]
        public void Registers_nothing_without_npgsql()
        {
            // A look-alike builder in source: without the real Npgsql the analyzer must not even resolve it.
            const string Source = @"using System.Net.Security;
namespace Npgsql
{
    public sealed class NpgsqlDataSourceBuilder
    {
        public NpgsqlDataSourceBuilder UseUserCertificateValidationCallback(RemoteCertificateValidationCallback callback) => this;
    }
}
class A
{
    void M() => new Npgsql.NpgsqlDataSourceBuilder().UseUserCertificateValidationCallback((s, c, ch, e) => true);
}";
            Assert.Empty(AnalyzerRunner.Run(new[] { new CertificateCallbackAnalyzer() }, new[] { ("A.cs", Source) }, withNpgsql: false));
        }
    }
}
