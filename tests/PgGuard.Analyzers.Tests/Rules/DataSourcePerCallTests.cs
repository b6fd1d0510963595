using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using PgGuard.Analyzers.Analyzers;
using PgGuard.Analyzers.Diagnostics;
using PgGuard.Analyzers.Tests.Verifiers;
using VerifyCS = PgGuard.Analyzers.Tests.Verifiers.AnalyzerVerifier<PgGuard.Analyzers.Analyzers.DataSourcePerCallAnalyzer>;

namespace PgGuard.Analyzers.Tests.Rules
{
    /// <summary>PG0012: data sources created per call, and pool-selecting settings that change per call.</summary>
    public class DataSourcePerCallTests
    {
        private static readonly string[] Only = { DiagnosticIds.DataSourcePerCall };

        private const string Create = "NpgsqlDataSource.Create";
        private const string Build = "NpgsqlDataSourceBuilder.Build()";

        /// <summary>A compilable file: the usual usings, a context type and whatever members the case needs.</summary>
        private static string Source(string members, string types = "") => Code.Usings + @"using System.Collections.Concurrent;
using System.Threading.Tasks;

public sealed class AppDb : DbContext
{
    public AppDb(DbContextOptions<AppDb> options) : base(options) { }
}

public sealed record Tenant(string Database, string Role);

public sealed class OrderStore
{
    public OrderStore(NpgsqlDataSource dataSource) { }
}

public class C
{
    private readonly string _connectionString = ""Host=db.example.com;Username=app"";
" + members + @"
}
" + types;

        private static Task Flagged(string members, string call) =>
            VerifyCS.VerifyAsync(Source(members), Only, VerifyCS.Diagnostic(Descriptors.DataSourcePerCall).WithLocation(0).WithArguments(call));

        private static Task NotFlagged(string members, string types = "") => VerifyCS.VerifyAsync(Source(members, types), Only);

        // ---- flagged: data sources ---------------------------------------------------------------------------------

        [Fact]
        public Task Flags_on_configuring_with_a_builder() => VerifyCS.VerifyAsync(
            Source("", @"
public sealed class OrdersContext : DbContext
{
    private readonly string _connectionString = ""Host=db.example.com"";

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        var dataSource = new NpgsqlDataSourceBuilder(_connectionString).{|#0:Build()|};
        optionsBuilder.UseNpgsql(dataSource);
    }
}"),
            Only,
            VerifyCS.Diagnostic(Descriptors.DataSourcePerCall).WithLocation(0).WithArguments(Build));

        [Fact]
        public Task Flags_on_configuring_with_create_and_an_instance_field() => VerifyCS.VerifyAsync(
            Source("", @"
public sealed class OrdersContext : DbContext
{
    private NpgsqlDataSource? _dataSource;

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        if (!optionsBuilder.IsConfigured)
        {
            optionsBuilder.UseNpgsql(NpgsqlDataSource.{|#0:Create(""Host=db.example.com"")|});
        }

        _dataSource = NpgsqlDataSource.{|#1:Create(""Host=db.example.com"")|};
    }
}"),
            Only,
            VerifyCS.Diagnostic(Descriptors.DataSourcePerCall).WithLocation(0).WithArguments(Create),
            VerifyCS.Diagnostic(Descriptors.DataSourcePerCall).WithLocation(1).WithArguments(Create));

        [Theory]
        [InlineData("services.AddDbContext<AppDb>(options => options.UseNpgsql(NpgsqlDataSource.{|#0:Create(_connectionString)|}));", Create)]
        [InlineData("services.AddDbContext<AppDb>((sp, options) => options.UseNpgsql(new NpgsqlDataSourceBuilder(_connectionString).{|#0:Build()|}));", Build)]
        [InlineData("services.AddDbContext<AppDb>(options => { var dataSource = NpgsqlDataSource.{|#0:Create(_connectionString)|}; options.UseNpgsql(dataSource); }, ServiceLifetime.Scoped, ServiceLifetime.Transient);", Create)]
        [InlineData("services.AddDbContextFactory<AppDb>(options => options.UseNpgsql(NpgsqlDataSource.{|#0:Create(_connectionString)|}), ServiceLifetime.Scoped);", Create)]
        [InlineData("services.AddScoped(sp => NpgsqlDataSource.{|#0:Create(_connectionString)|});", Create)]
        [InlineData("services.AddTransient(sp => new OrderStore(new NpgsqlDataSourceBuilder(_connectionString).{|#0:Build()|}));", Build)]
        public Task Flags_per_scope_registrations(string statement, string call) => Flagged(@"
    public void ConfigureServices(IServiceCollection services)
    {
        " + statement + @"
    }", call);

        [Theory]
        [InlineData("        using var dataSource = NpgsqlDataSource.{|#0:Create(_connectionString)|};\n        using var command = dataSource.CreateCommand(\"SELECT count(*) FROM orders\");\n        return command.ExecuteScalar();", Create)]
        [InlineData("        using (var dataSource = new NpgsqlDataSourceBuilder(_connectionString).{|#0:Build()|})\n        {\n            return dataSource.CreateCommand(\"SELECT 1\").ExecuteScalar();\n        }", Build)]
        [InlineData("        using var connection = NpgsqlDataSource.{|#0:Create(_connectionString)|}.OpenConnection();\n        return connection.ServerVersion;", Create)]
        [InlineData("        var dataSource = NpgsqlDataSource.{|#0:Create(_connectionString)|};\n        return dataSource.ConnectionString.Length;", Create)]
        public Task Flags_a_method_that_creates_uses_and_drops_it(string body, string call) => Flagged(@"
    public object? CountOrders()
    {
" + body + @"
    }", call);

        [Fact]
        public Task Flags_async_methods_multi_host_and_the_slim_builder() => VerifyCS.VerifyAsync(
            Source(@"
    public async Task<object?> CountAsync()
    {
        await using var dataSource = new NpgsqlSlimDataSourceBuilder(_connectionString).EnableTransportSecurity().{|#0:BuildMultiHost()|};
        await using var connection = await dataSource.OpenConnectionAsync();
        return connection.State;
    }

    public static async Task PingAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.{|#1:Create(connectionString)|};
        await using var command = dataSource.CreateCommand(""SELECT 1"");
        await command.ExecuteNonQueryAsync();
    }"),
            Only,
            VerifyCS.Diagnostic(Descriptors.DataSourcePerCall).WithLocation(0).WithArguments("NpgsqlSlimDataSourceBuilder.BuildMultiHost()"),
            VerifyCS.Diagnostic(Descriptors.DataSourcePerCall).WithLocation(1).WithArguments(Create));

        [Fact]
        public Task Flags_a_request_handler_lambda_and_a_local_function() => VerifyCS.VerifyAsync(
            Source(@"
    public Func<int, object?> Handler() => id =>
    {
        using var dataSource = NpgsqlDataSource.{|#0:Create(_connectionString)|};
        using var command = dataSource.CreateCommand(""SELECT total FROM orders WHERE id = $1"");
        command.Parameters.AddWithValue(id);
        return command.ExecuteScalar();
    };

    public int Count()
    {
        return Query();

        int Query()
        {
            using var dataSource = NpgsqlDataSource.{|#1:Create(_connectionString)|};
            return (int)dataSource.CreateCommand(""SELECT 1"").ExecuteScalar()!;
        }
    }"),
            Only,
            VerifyCS.Diagnostic(Descriptors.DataSourcePerCall).WithLocation(0).WithArguments(Create),
            VerifyCS.Diagnostic(Descriptors.DataSourcePerCall).WithLocation(1).WithArguments(Create));

        [Fact]
        public Task Flags_a_property_getter_that_returns_a_new_data_source() => Flagged(
            "    public NpgsqlDataSource DataSource => NpgsqlDataSource.{|#0:Create(_connectionString)|};",
            Create);

        // ---- not flagged: data sources ----------------------------------------------------------------------------

        [Theory]
        [InlineData("    private static readonly NpgsqlDataSource Shared = NpgsqlDataSource.Create(\"Host=db.example.com\");")]
        [InlineData("    private readonly NpgsqlDataSource _dataSource = new NpgsqlDataSourceBuilder(\"Host=db.example.com\").Build();")]
        [InlineData("    public static NpgsqlDataSource Shared { get; } = NpgsqlDataSource.Create(\"Host=db.example.com\");")]
        [InlineData("    private static NpgsqlDataSource? s_dataSource;\n    public NpgsqlDataSource DataSource => s_dataSource ??= NpgsqlDataSource.Create(_connectionString);")]
        [InlineData("    private static NpgsqlDataSource? s_dataSource;\n    public void Initialize() => s_dataSource = NpgsqlDataSource.Create(_connectionString);")]
        [InlineData("    private NpgsqlDataSource? _dataSource;\n    public NpgsqlDataSource Get() { _dataSource ??= NpgsqlDataSource.Create(_connectionString); return _dataSource; }")]
        [InlineData("    private NpgsqlDataSource? _dataSource;\n    public void Initialize() { _dataSource = new NpgsqlDataSourceBuilder(_connectionString).Build(); }")]
        [InlineData("    private static readonly Lazy<NpgsqlDataSource> Lazy = new(() => NpgsqlDataSource.Create(\"Host=db.example.com\"));")]
        [InlineData("    private readonly Lazy<NpgsqlDataSource> _lazy;\n    public C() { _lazy = new Lazy<NpgsqlDataSource>(() => NpgsqlDataSource.Create(_connectionString)); }")]
        public Task Does_not_flag_cached_data_sources(string members) => NotFlagged(members);

        [Fact]
        public Task Does_not_flag_a_per_tenant_cache() => NotFlagged(@"
    private static readonly ConcurrentDictionary<string, NpgsqlDataSource> DataSources = new();

    public NpgsqlDataSource For(string tenant) =>
        DataSources.GetOrAdd(tenant, t => NpgsqlDataSource.Create($""Host=db.example.com;Database={t}""));");

        [Fact]
        public Task Does_not_flag_data_sources_kept_across_contexts() => NotFlagged("", @"
public sealed class TenantContext : DbContext
{
    private static readonly ConcurrentDictionary<string, NpgsqlDataSource> DataSources = new();
    private static NpgsqlDataSource? s_reporting;
    private readonly string _tenant = ""acme"";

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        optionsBuilder.UseNpgsql(DataSources.GetOrAdd(_tenant, tenant => NpgsqlDataSource.Create($""Host=db.example.com;Database={tenant}"")));
        s_reporting ??= new NpgsqlDataSourceBuilder(""Host=reports.example.com"").Build();
    }
}

public static class Registration
{
    private static NpgsqlDataSource? s_dataSource;

    public static void Register(IServiceCollection services) =>
        services.AddDbContext<AppDb>(options => options.UseNpgsql(s_dataSource ??= NpgsqlDataSource.Create(""Host=db.example.com"")));

    public static void RegisterScoped(IServiceCollection services) =>
        services.AddScoped(sp => new OrderStore(Shared.Value));

    private static readonly Lazy<NpgsqlDataSource> Shared = new(() => NpgsqlDataSource.Create(""Host=db.example.com""));
}");

        [Theory]
        [InlineData("services.AddSingleton(sp => NpgsqlDataSource.Create(_connectionString));")]
        [InlineData("services.AddSingleton(sp =>\n        {\n            using var probe = NpgsqlDataSource.Create(_connectionString);\n            probe.OpenConnection().Dispose();\n            return new OrderStore(sp.GetRequiredService<NpgsqlDataSource>());\n        });")] // runs once
        [InlineData("services.AddSingleton(NpgsqlDataSource.Create(_connectionString));")]
        [InlineData("services.AddKeyedSingleton(\"orders\", (sp, key) => new NpgsqlDataSourceBuilder(_connectionString).Build());")]
        [InlineData("services.AddNpgsqlDataSource(_connectionString);\n        services.AddDbContext<AppDb>((sp, options) => options.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>()));")]
        [InlineData("services.AddDbContextPool<AppDb>(options => options.UseNpgsql(NpgsqlDataSource.Create(_connectionString)));")]
        [InlineData("services.AddPooledDbContextFactory<AppDb>(options => options.UseNpgsql(new NpgsqlDataSourceBuilder(_connectionString).Build()));")]
        [InlineData("services.AddDbContext<AppDb>(options => options.UseNpgsql(NpgsqlDataSource.Create(_connectionString)), ServiceLifetime.Scoped, ServiceLifetime.Singleton);")]
        [InlineData("services.AddDbContextFactory<AppDb>(options => options.UseNpgsql(NpgsqlDataSource.Create(_connectionString)));")]
        [InlineData("var dataSource = NpgsqlDataSource.Create(_connectionString);\n        services.AddDbContext<AppDb>(options => options.UseNpgsql(dataSource));")]
        public Task Does_not_flag_singleton_registrations(string statements) => NotFlagged(@"
    public void ConfigureServices(IServiceCollection services)
    {
        " + statements + @"
    }");

        [Theory]
        [InlineData("    public static NpgsqlDataSource CreateDataSource(string connectionString) => new NpgsqlDataSourceBuilder(connectionString).Build();")]
        [InlineData("    public OrderStore CreateStore() => new OrderStore(NpgsqlDataSource.Create(_connectionString));")]
        [InlineData("    public OrderStore CreateStore()\n    {\n        var dataSource = NpgsqlDataSource.Create(_connectionString);\n        dataSource.OpenConnection().Dispose();\n        return new OrderStore(dataSource);\n    }")]
        [InlineData("    private readonly NpgsqlDataSource _dataSource;\n    public C(string connectionString) { _dataSource = NpgsqlDataSource.Create(connectionString); }")]
        [InlineData("    public C(bool migrate)\n    {\n        using var dataSource = NpgsqlDataSource.Create(_connectionString);\n        dataSource.CreateCommand(\"SELECT 1\").ExecuteNonQuery();\n    }")]
        [InlineData("    public NpgsqlDataSource Rebuilt(NpgsqlDataSourceBuilder builder) { builder.UseLoggerFactory(null); return builder.Build(); }")]
        public Task Does_not_flag_factories_and_constructors(string members) => NotFlagged(members);

        [Fact]
        public Task Does_not_flag_the_entry_point() => NotFlagged("", @"
public static class Program
{
    public static async Task Main()
    {
        await using var dataSource = NpgsqlDataSource.Create(""Host=db.example.com"");
        await using var command = dataSource.CreateCommand(""SELECT 1"");
        await command.ExecuteNonQueryAsync();
    }
}");

        [Fact]
        public Task Does_not_flag_top_level_statements_but_flags_their_handlers()
        {
            var test = VerifyCS.Create(
                Code.Usings + @"
await using var dataSource = NpgsqlDataSource.Create(""Host=db.example.com"");
await using var command = dataSource.CreateCommand(""SELECT 1"");
await command.ExecuteNonQueryAsync();

Func<int, object?> handler = id =>
{
    using var perRequest = NpgsqlDataSource.{|#0:Create(""Host=db.example.com"")|};
    return perRequest.CreateCommand(""SELECT 1"").ExecuteScalar();
};
",
                Only,
                VerifyCS.Diagnostic(Descriptors.DataSourcePerCall).WithLocation(0).WithArguments(Create));
            test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            return test.RunAsync();
        }

        [Fact]
        public Task Does_not_flag_in_test_projects()
        {
            var test = VerifyCS.Create(Source(@"
    public object? CountOrders()
    {
        using var dataSource = NpgsqlDataSource.Create(""Host=localhost;Port=55432"");
        return dataSource.CreateCommand(""SELECT count(*) FROM orders"").ExecuteScalar();
    }

    public void OpenTenant(string tenant) => new NpgsqlConnection($""Host=localhost;Username={tenant}"").Dispose();", @"
public sealed class DatabaseFixture : IAsyncDisposable
{
    public NpgsqlDataSource DataSource { get; } = NpgsqlDataSource.Create(""Host=localhost;Port=55432"");

    public async Task ResetAsync()
    {
        await using var admin = new NpgsqlDataSourceBuilder(""Host=localhost;Port=55432;Username=postgres"").Build();
        await admin.CreateCommand(""TRUNCATE orders"").ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}"), Only);
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
            return test.RunAsync();
        }

        // ---- pool identity -----------------------------------------------------------------------------------------

        [Fact]
        public Task Flags_pool_settings_taken_from_parameters() => VerifyCS.VerifyAsync(
            Source(@"
    public NpgsqlConnection OpenTenant(string tenant) =>
        new NpgsqlConnection($""Host=db.example.com;Username={|#0:{tenant}|};Password=secret"");

    public NpgsqlConnection OpenDatabase(Tenant tenant) =>
        new NpgsqlConnection(""Host=db.example.com;Username=app;Database="" + {|#1:tenant.Database|});

    public void Configure(DbContextOptionsBuilder options, string region, int port, int size) =>
        options.UseNpgsql($""Host={|#2:{region}|}.db.example.com;Port={|#3:{port}|};Maximum Pool Size={|#4:{size.ToString()}|}"");

    public void Reconnect(NpgsqlConnection connection, Tenant tenant) =>
        connection.ConnectionString = $""Host=db.example.com;User ID={|#5:{tenant.Role}|}"";"),
            Only,
            VerifyCS.Diagnostic(Descriptors.PoolIdentityPerCall).WithLocation(0).WithArguments("Username", "tenant"),
            VerifyCS.Diagnostic(Descriptors.PoolIdentityPerCall).WithLocation(1).WithArguments("Database", "tenant"),
            VerifyCS.Diagnostic(Descriptors.PoolIdentityPerCall).WithLocation(2).WithArguments("Host", "region"),
            VerifyCS.Diagnostic(Descriptors.PoolIdentityPerCall).WithLocation(3).WithArguments("Port", "port"),
            VerifyCS.Diagnostic(Descriptors.PoolIdentityPerCall).WithLocation(4).WithArguments("Maximum Pool Size", "size"),
            VerifyCS.Diagnostic(Descriptors.PoolIdentityPerCall).WithLocation(5).WithArguments("User ID", "tenant"));

        [Fact]
        public Task Flags_a_per_request_lambda_parameter() => VerifyCS.VerifyAsync(
            Source(@"
    public Func<string, NpgsqlConnection> Handler() =>
        database => new NpgsqlConnection($""Host=db.example.com;Database={|#0:{database}|}"");"),
            Only,
            VerifyCS.Diagnostic(Descriptors.PoolIdentityPerCall).WithLocation(0).WithArguments("Database", "database"));

        [Theory]
        [InlineData("    public NpgsqlConnection Open(string password) => new NpgsqlConnection($\"Host=db.example.com;Username=app;Password={password}\");")] // not a pool setting
        [InlineData("    public NpgsqlConnection Open(string name) => new NpgsqlConnection($\"Host=db.example.com;Application Name={name}\");")]
        [InlineData("    private readonly string _host = \"db\";\n    public NpgsqlConnection Open() => new NpgsqlConnection($\"Host={_host};Username=app\");")] // a field: constant per instance
        [InlineData("    public NpgsqlConnection Open() => new NpgsqlConnection($\"Host={Environment.GetEnvironmentVariable(\"DB_HOST\")};Username=app\");")]
        [InlineData("    private readonly NpgsqlConnection _connection;\n    public C(string user) { _connection = new NpgsqlConnection($\"Host=db.example.com;Username={user}\"); }")] // injected once
        [InlineData("    public NpgsqlConnection Open(string connectionString) => new NpgsqlConnection(connectionString);")]
        [InlineData("    public NpgsqlConnection Open(string settings) => new NpgsqlConnection($\"Host=db.example.com;{settings}\");")] // a hole in key position
        [InlineData("    public NpgsqlConnection Open(string user) => new NpgsqlConnection($\"Host=db.example.com;Username={user};Username=app\");")] // a later value wins
        [InlineData("    public NpgsqlDataSource Open(string tenant) => NpgsqlDataSource.Create($\"Host=db.example.com;Username={tenant}\");")] // data sources: the other rule
        [InlineData("    public NpgsqlConnectionStringBuilder Describe(string user) => new NpgsqlConnectionStringBuilder($\"Host=db.example.com;Username={user}\");")]
        public Task Does_not_flag_settings_that_do_not_vary_per_call(string members) => NotFlagged(members);

        [Fact]
        public void Registers_nothing_without_npgsql()
        {
            const string Source = @"namespace Npgsql
{
    public sealed class NpgsqlDataSource
    {
        public static NpgsqlDataSource Create(string connectionString) => new NpgsqlDataSource();
        public void Dispose() { }
    }

    public sealed class NpgsqlConnection
    {
        public NpgsqlConnection(string connectionString) { }
    }
}
class A
{
    void M(string tenant)
    {
        var dataSource = Npgsql.NpgsqlDataSource.Create(""Host=db"");
        dataSource.Dispose();
        _ = new Npgsql.NpgsqlConnection($""Host=db;Username={tenant}"");
    }
}";
            Assert.Empty(AnalyzerRunner.Run(new[] { new DataSourcePerCallAnalyzer() }, new[] { ("A.cs", Source) }, withNpgsql: false));
        }
    }
}
