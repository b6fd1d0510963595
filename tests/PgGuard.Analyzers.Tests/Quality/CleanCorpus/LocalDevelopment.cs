using System;
using Npgsql;

namespace Shop.Tools
{
    /// <summary>
    /// Helpers for a developer's machine: the database runs in a local container, so the well-known development
    /// credentials, pooling off for quick restarts and SSL off are fine here.
    /// </summary>
    public static class LocalDevelopment
    {
        public const string ConnectionString = "Host=localhost;Port=5432;Database=shop_dev;Username=postgres;Password=postgres";

        private static readonly NpgsqlDataSource DataSource = NpgsqlDataSource.Create(
            Environment.GetEnvironmentVariable("SHOP_DEV_DATABASE") ?? ConnectionString);

        public static NpgsqlConnection Open() => DataSource.OpenConnection();

        public static NpgsqlConnection OpenOverUnixSocket() =>
            new NpgsqlConnection("Host=/var/run/postgresql;Database=shop_dev;Username=dev;Pooling=false");

        public static string ForDocker(string password) =>
            new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                Database = "shop_test",
                Username = "postgres",
                Password = password,
                SslMode = SslMode.Disable,
                IncludeErrorDetail = true,
            }.ConnectionString;
    }
}
