using System;
using System.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Shop.Infrastructure
{
    public sealed class Order
    {
        public long Id { get; set; }

        public long CustomerId { get; set; }

        public decimal Total { get; set; }

        public DateTime PlacedAt { get; set; }
    }

    /// <summary>Configured by DI (ServiceRegistration): no OnConfiguring, so no connection string in the context.</summary>
    public sealed class ShopContext : DbContext
    {
        public ShopContext(DbContextOptions<ShopContext> options)
            : base(options)
        {
        }

        public DbSet<Order> Orders => Set<Order>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.HasDefaultSchema("shop");
            modelBuilder.Entity<Order>().HasIndex(o => o.CustomerId);
        }

        public IQueryable<Order> RecentOrders(long customerId) =>
            Orders.FromSql($"SELECT * FROM shop.orders WHERE customer_id = {customerId} ORDER BY placed_at DESC LIMIT 20");
    }

    /// <summary>Runs as the migration role in the deployment pipeline, never as the application.</summary>
    public sealed class AddReaderRole : Migration
    {
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("CREATE ROLE app_reader NOLOGIN;");
            migrationBuilder.Sql("GRANT USAGE ON SCHEMA shop TO app_reader;");
            migrationBuilder.Sql("GRANT SELECT ON ALL TABLES IN SCHEMA shop TO app_reader;");
            migrationBuilder.Sql(@"
                CREATE FUNCTION shop.order_total(order_id bigint) RETURNS numeric
                LANGUAGE sql STABLE SECURITY DEFINER
                SET search_path = pg_catalog, pg_temp
                AS $$ SELECT total FROM shop.orders WHERE id = order_id $$;
                REVOKE ALL ON FUNCTION shop.order_total(bigint) FROM PUBLIC;
                GRANT EXECUTE ON FUNCTION shop.order_total(bigint) TO app_reader;");
        }

        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP FUNCTION shop.order_total(bigint);");
            migrationBuilder.Sql("REVOKE SELECT ON ALL TABLES IN SCHEMA shop FROM app_reader;");
            migrationBuilder.Sql("DROP ROLE app_reader;");
        }
    }
}
