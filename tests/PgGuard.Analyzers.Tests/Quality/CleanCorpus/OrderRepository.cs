using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Dapper;
using Npgsql;

namespace Shop.Infrastructure
{
    /// <summary>
    /// Queries through the shared data source (injected), with parameters for every value. Each tenant's requests run
    /// under that tenant's NOLOGIN role, so row-level security applies.
    /// </summary>
    public sealed class OrderRepository
    {
        private const string OrdersOfCustomer =
            "SELECT id, customer_id AS CustomerId, total, placed_at AS PlacedAt FROM shop.orders WHERE customer_id = @customerId";

        private readonly NpgsqlDataSource _dataSource;

        public OrderRepository(NpgsqlDataSource dataSource)
        {
            _dataSource = dataSource;
        }

        public async Task<IEnumerable<Order>> ForCustomerAsync(long customerId, CancellationToken cancellationToken)
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            return await connection.QueryAsync<Order>(new CommandDefinition(OrdersOfCustomer, new { customerId }, cancellationToken: cancellationToken));
        }

        public async Task<int> CountForTenantAsync(CancellationToken cancellationToken)
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            await using (var setRole = new NpgsqlCommand("SET ROLE tenant_x", connection))
            {
                await setRole.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var count = _dataSource.CreateCommand("SELECT count(*) FROM shop.orders");
            var result = await count.ExecuteScalarAsync(cancellationToken);
            return result is long n ? (int)n : 0;
        }

        public async Task RenameAsync(long id, string name, CancellationToken cancellationToken)
        {
            await using var command = _dataSource.CreateCommand();
            command.CommandText = "UPDATE shop.customers SET name = $1 WHERE id = $2";
            command.Parameters.Add(new NpgsqlParameter { Value = name });
            command.Parameters.Add(new NpgsqlParameter { Value = id });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
