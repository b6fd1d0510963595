using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace Shop.Legacy
{
    /// <summary>
    /// The legacy billing system runs on SQL Server: its connection strings look like ours (Data Source, Password,
    /// Encrypt) but belong to another provider.
    /// </summary>
    public sealed class BillingContext : DbContext
    {
        private const string Billing =
            "Data Source=billing.sql.example.com;Initial Catalog=Billing;Integrated Security=true;Encrypt=true;TrustServerCertificate=false";

        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
            optionsBuilder.UseSqlServer(Billing);
    }

    public static class BillingConnections
    {
        public static SqlConnection Open(string password)
        {
            var builder = new SqlConnectionStringBuilder("Server=tcp:billing.sql.example.com,1433;Database=Billing;Encrypt=true")
            {
                UserID = "billing_app",
                Password = password,
            };
            var connection = new SqlConnection(builder.ConnectionString);
            connection.Open();
            return connection;
        }

        public static SqlConnection OpenReadOnly() =>
            new SqlConnection("Data Source=billing-replica.sql.example.com;Initial Catalog=Billing;Authentication=Active Directory Default;ApplicationIntent=ReadOnly;Encrypt=true");
    }
}
