using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InsecureApp;

// TLS and pooling mistakes that live in code rather than in connection strings.
public static class CodeLevelMistakes
{
    public static readonly NpgsqlDataSource Trusting = Build();

    private static NpgsqlDataSource Build()
    {
        var builder = new NpgsqlDataSourceBuilder("Host=trusting.example.com;SSL Mode=Require;Maximum Pool Size=20"); // PG0009
        builder.UseSslClientAuthenticationOptionsCallback(options =>
            options.RemoteCertificateValidationCallback = (sender, certificate, chain, errors) => true); // PG0003: accepts any certificate
        return builder.Build();
    }

    public static readonly NpgsqlDataSource Slim =
        new NpgsqlSlimDataSourceBuilder("Host=slim.example.com;Maximum Pool Size=20").Build(); // PG0002: slim builder without EnableTransportSecurity()

    public static int CountOrders(string connectionString)
    {
        using var dataSource = NpgsqlDataSource.Create(connectionString); // PG0012: a new pool on every call
        using var command = dataSource.CreateCommand("SELECT count(*) FROM orders");
        return (int)(long)command.ExecuteScalar()!;
    }

    public static void Migrate()
    {
        using var command = new NpgsqlCommand("ALTER ROLE app_user WITH SUPERUSER"); // PG0100 in SQL sent from C#
    }

    public static void Register(IServiceCollection services, IConfiguration configuration)
    {
        services.AddDbContext<OrdersContext>(o => o.UseNpgsql(configuration.GetConnectionString("Order"))); // PG0014: no "Order" in appsettings ("Orders" is)
    }
}
