using System;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Shop.Infrastructure
{
    /// <summary>
    /// The connection string comes from configuration (appsettings.json plus the DB_PASSWORD secret); one data source
    /// per application, registered as a singleton, owns the pool.
    /// </summary>
    public static class ServiceRegistration
    {
        public static IServiceCollection AddShopDatabase(this IServiceCollection services, IConfiguration configuration)
        {
            var connectionString = configuration.GetConnectionString("Main")
                ?? throw new InvalidOperationException("ConnectionStrings:Main is not configured.");

            services.AddNpgsqlDataSource(connectionString, builder => builder.EnableDynamicJson());
            services.AddDbContext<ShopContext>((provider, options) =>
                options.UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>(), npgsql => npgsql.EnableRetryOnFailure()));
            return services;
        }

        /// <summary>A reporting replica: read-only role, certificate checked against the host name, bounded pool.</summary>
        public static IServiceCollection AddReporting(this IServiceCollection services, IConfiguration configuration)
        {
            var builder = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString("Reporting"))
            {
                SslMode = SslMode.VerifyFull,
                MaxPoolSize = 20,
                ApplicationName = "shop-reporting",
                Password = configuration["Reporting:Password"],
            };
            services.AddNpgsqlDataSource(builder.ConnectionString, serviceKey: "reporting");
            return services;
        }
    }
}
