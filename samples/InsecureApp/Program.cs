using System;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace InsecureApp;

// Every connection string in this file is unsafe on purpose; the comment on each line names the rule it shows.
// Remote hosts written in source are PG0005 wherever they appear. Nothing here ever connects to a database.
public static class Program
{
    public static void Main()
    {
        Console.WriteLine("InsecureApp exists to be analyzed: build it and read PgGuard's PG warnings.");
    }
}

public static class DataSources
{
    // Data sources own connection pools, so they live in static fields (one per application, not per call).
    public static readonly NpgsqlDataSource Reports = NpgsqlDataSource.Create(
        "Host=reports.example.com;SSL Mode=Disable;Maximum Pool Size=20"); // PG0002: TLS disabled

    public static readonly NpgsqlDataSource Billing = new NpgsqlDataSourceBuilder(
        "Host=billing.example.com;SSL Mode=VerifyFull;Trust Server Certificate=true;Maximum Pool Size=20").Build(); // PG0003: asks to skip certificate validation

    public static readonly NpgsqlDataSource Exposed = NpgsqlDataSource.Create(
        "Host=34.120.5.9;SSL Mode=VerifyFull;Maximum Pool Size=20"); // PG0013: database on a public IP address
}

public static class Connections
{
    public static void Open()
    {
        using var admin = new NpgsqlConnection("Host=db.example.com;Username=postgres;SSL Mode=VerifyFull;Maximum Pool Size=20"); // PG0001: logs in as a superuser
        using var analytics = new NpgsqlConnection("Host=analytics.example.com;Database=analytics;Maximum Pool Size=20"); // PG0004: remote host, no SSL Mode
        using var inventory = new NpgsqlConnection("Host=inventory.example.com;SSL Mode=VerifyFull;Maximum Pool Size=20"); // PG0005: hardcoded remote host
        using var batch = new NpgsqlConnection("Host=batch.example.com;SSL Mode=VerifyFull;Pooling=false"); // PG0007: pooling disabled
        using var audit = new NpgsqlConnection("Host=audit.example.com;SSL Mode=Require;Maximum Pool Size=20"); // PG0009: encrypted, server not verified
        using var support = new NpgsqlConnection("Host=support.example.com;SSL Mode=VerifyFull;Maximum Pool Size=20;Include Error Detail=true"); // PG0010: row values in exception messages
        using var legacy = new NpgsqlConnection("Host=legacy.example.com;SSL Mode=VerifyFull;Max Pool Size=50"); // PG0011: SqlClient keyword, Npgsql throws

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = "payments.example.com",
            Username = "payments",
            Password = "Pa55-payments", // PG0006: hardcoded password
            SslMode = SslMode.VerifyFull,
            MaxPoolSize = 20,
        };
        using var payments = new NpgsqlConnection(builder.ConnectionString);
    }
}

public sealed class Order
{
    public int Id { get; set; }
}

public sealed class OrdersContext : DbContext
{
    public DbSet<Order> Orders => Set<Order>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        optionsBuilder.UseNpgsql("Host=orders.example.com;Username=orders;SSL Mode=VerifyFull;Maximum Pool Size=500"); // PG0008: pool ceiling above 100
    }
}
