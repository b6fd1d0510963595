using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace PgGuard.Benchmarks;

/// <summary>A file of the generated code base: a C# source or an additional file (appsettings, web.config, SQL).</summary>
internal sealed record GeneratedFile(string Path, string Text);

/// <summary>The generated code base and what was planted in it, so the report can check the analyzers found it.</summary>
internal sealed class GeneratedCodeBase
{
    public List<GeneratedFile> Sources { get; } = new();

    public List<GeneratedFile> AdditionalFiles { get; } = new();

    public int SourceLines { get; set; }

    public int AdditionalLines { get; set; }

    /// <summary>Connection-string literals in C#, Npgsql and SqlClient ones.</summary>
    public int ConnectionStringLiterals { get; set; }

    public int NpgsqlConnectionStringLiterals { get; set; }

    /// <summary>Npgsql connection-string literals in C# with a setting PgGuard should report.</summary>
    public int InsecureConnectionStrings { get; set; }

    public int InsecureConfigConnectionStrings { get; set; }

    /// <summary>SQL string literals in C# (the *.sql files come on top).</summary>
    public int SqlStrings { get; set; }

    /// <summary>Insecure SQL statements, in C# and in *.sql files.</summary>

    public int InsecureSql { get; set; }
}

/// <summary>
/// Writes a deterministic code base that looks like a modular business application: per module a DbContext, a
/// registration class and, per entity, an entity/DTO file, a service (LINQ, async, logging, formatting, switch
/// expressions), a repository (EF Core, Npgsql, Dapper or SqlClient) and often a command handler. Connection-string
/// literals appear about once per 2,000 lines, SQL strings about once per 300, and a few of each are insecure.
/// </summary>
internal sealed class CodeBaseGenerator
{
    private const int ConnectionStringGap = 2_000;
    private const int InsecureSqlGap = 40_000;
    private const int LinesPerSqlFile = 12_000;

    private static readonly string[] Domains =
    {
        "Billing", "Orders", "Inventory", "Shipping", "Identity", "Catalog",
        "Payments", "Support", "Reporting", "Scheduling", "Notifications", "Pricing",
    };

    private static readonly string[] Nouns =
    {
        "Invoice", "Order", "Customer", "Product", "Shipment", "Payment", "Account", "Ticket", "Review", "Warehouse",
        "Coupon", "Subscription", "Refund", "Carrier", "Supplier", "Contract", "Device", "Session", "Report", "Schedule",
    };

    private static readonly string[] ExtraProperties =
    {
        "public Guid ExternalId { get; set; }",
        "public string? Notes { get; set; }",
        "public bool IsArchived { get; set; }",
        "public int Version { get; set; }",
        "public string CurrencyCode { get; set; } = \"EUR\";",
        "public long? ParentId { get; set; }",
        "public DateTimeOffset? ReviewedAt { get; set; }",
        "public List<string> Tags { get; set; } = new();",
    };

    private readonly Random _random;
    private readonly GeneratedCodeBase _result = new();
    private int _nextConnectionString;
    private int _nextInsecureSql;
    private int _nextSqlFile;
    private int _entityCount;

    private CodeBaseGenerator(int seed)
    {
        _random = new Random(seed);
        _nextConnectionString = _random.Next(ConnectionStringGap / 2, ConnectionStringGap * 3 / 2);
        _nextInsecureSql = _random.Next(InsecureSqlGap / 4, InsecureSqlGap);
        _nextSqlFile = LinesPerSqlFile / 2;
    }

    public static GeneratedCodeBase Generate(int targetLines, int seed)
    {
        var generator = new CodeBaseGenerator(seed);
        for (var module = 0; generator._result.SourceLines < targetLines; module++)
        {
            generator.WriteModule(module);
        }

        generator.WriteConfigFiles();
        return generator._result;
    }

    private void WriteModule(int module)
    {
        var domain = Domains[module % Domains.Length];
        var ns = $"Contoso.{domain}.M{module}";
        var schema = domain.ToLowerInvariant();
        var context = $"{domain}Context{module}";
        var entities = new List<(string Name, string Table, RepositoryKind Kind)>();
        var entityCount = _random.Next(6, 11);
        for (var i = 0; i < entityCount; i++)
        {
            var name = Nouns[_random.Next(Nouns.Length)] + (++_entityCount).ToString(CultureInfo.InvariantCulture);
            var table = schema + "." + name.ToLowerInvariant();
            var kind = PickRepositoryKind();
            entities.Add((name, table, kind));
            var dir = $"src/{domain}/M{module}/{name}";
            Add($"{dir}/{name}.cs", EntityFile(ns, name));
            Add($"{dir}/{name}Service.cs", ServiceFile(ns, name));
            Add($"{dir}/{name}Repository.cs", RepositoryFile(ns, name, table, context, kind));
            if (_random.Next(10) < 6)
            {
                Add($"{dir}/{name}Handler.cs", HandlerFile(ns, name));
            }

            if (Due(ref _nextConnectionString, ConnectionStringGap))
            {
                Add($"{dir}/{name}Connectivity.cs", ConnectionStringFile(ns, domain, name, context));
            }
        }

        Add($"src/{domain}/M{module}/{context}.cs", ContextFile(ns, context, entities));
        Add($"src/{domain}/M{module}/{domain}Module{module}.cs", RegistrationFile(ns, domain, module, context, entities));
        if (_random.Next(10) < 4)
        {
            Add($"src/{domain}/M{module}/Migrations/{domain}{module}Indexes.cs", MigrationFile(ns, domain, module, entities));
        }

        if (_result.SourceLines >= _nextSqlFile)
        {
            _nextSqlFile += LinesPerSqlFile;
            AddAdditional($"db/{schema}/V{module}__{schema}_m{module}.sql", SqlScript(schema, entities.Select(e => e.Table)));
        }
    }

    private enum RepositoryKind
    {
        EfCore,
        Npgsql,
        Dapper,
        SqlClient,
    }

    private RepositoryKind PickRepositoryKind() => _random.Next(100) switch
    {
        < 76 => RepositoryKind.EfCore,
        < 86 => RepositoryKind.Npgsql,
        < 96 => RepositoryKind.Dapper,
        _ => RepositoryKind.SqlClient,
    };

    private static string EntityFile(string ns, string e) => $$"""
        using System;
        using System.Collections.Generic;

        namespace {{ns}}
        {
            public enum {{e}}Status
            {
                Draft = 0,
                Active = 1,
                Suspended = 2,
                Closed = 3,
            }

            public sealed class {{e}}
            {
                public int Id { get; set; }
                public string Name { get; set; } = string.Empty;
                public string? Description { get; set; }
                public decimal Amount { get; set; }
                public int Quantity { get; set; }
                public DateTime CreatedAt { get; set; }
                public DateTime? UpdatedAt { get; set; }
                public {{e}}Status Status { get; set; }
        {{ExtraPropertiesFor(e)}}
            }

            public sealed record {{e}}Dto(int Id, string Name, decimal Amount, {{e}}Status Status, DateTime CreatedAt);

            public sealed record Create{{e}}Request(string Name, string? Description, decimal Amount, int Quantity);

            public static class {{e}}Validator
            {
                public static IReadOnlyList<string> Validate(Create{{e}}Request request)
                {
                    ArgumentNullException.ThrowIfNull(request);
                    var errors = new List<string>();
                    if (string.IsNullOrWhiteSpace(request.Name))
                    {
                        errors.Add("Name is required.");
                    }
                    else if (request.Name.Length > 200)
                    {
                        errors.Add($"Name must be at most 200 characters, was {request.Name.Length}.");
                    }

                    if (request.Amount < 0m)
                    {
                        errors.Add("Amount cannot be negative.");
                    }

                    if (request.Quantity is < 1 or > 10_000)
                    {
                        errors.Add($"Quantity {request.Quantity} is outside 1..10000.");
                    }

                    return errors;
                }
            }
        }

        """;

    private static string ExtraPropertiesFor(string e)
    {
        // Derived from the name so the same entity always gets the same shape.
        var hash = e.Aggregate(17, (h, c) => unchecked((h * 31) + c));
        var count = (hash & 3) + 1;
        return string.Join("\n", Enumerable.Range(0, count)
            .Select(i => "        " + ExtraProperties[(int)((uint)(hash >> (i * 3)) % (uint)ExtraProperties.Length)])
            .Distinct());
    }

    private string ServiceFile(string ns, string e)
    {
        var optional = new[] { DescribeMethod(e), TotalsMethod(e), ReportMethod(e), ClassifyMethod(), PageMethod(e), ParseStatusMethod(e), CsvMethod(e) };
        var chosen = optional.Where(_ => _random.Next(10) < 6);
        return $$"""
            using System;
            using System.Collections.Generic;
            using System.Globalization;
            using System.Linq;
            using System.Text;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Logging;

            namespace {{ns}}
            {
                public sealed class {{e}}Service
                {
                    private readonly I{{e}}Repository _repository;
                    private readonly ILogger<{{e}}Service> _logger;

                    public {{e}}Service(I{{e}}Repository repository, ILogger<{{e}}Service> logger)
                    {
                        _repository = repository ?? throw new ArgumentNullException(nameof(repository));
                        _logger = logger;
                    }

                    public async Task<IReadOnlyList<{{e}}Dto>> GetActiveAsync(decimal minimum, CancellationToken cancellationToken)
                    {
                        var items = await _repository.ListAsync(cancellationToken).ConfigureAwait(false);
                        var result = items
                            .Where(x => x.Status == {{e}}Status.Active && x.Amount >= minimum)
                            .OrderByDescending(x => x.CreatedAt)
                            .ThenBy(x => x.Name, StringComparer.OrdinalIgnoreCase)
                            .Select(x => new {{e}}Dto(x.Id, x.Name, x.Amount, x.Status, x.CreatedAt))
                            .ToList();
                        _logger.LogInformation("Found {Count} active {{e}} items above {Minimum}", result.Count, minimum);
                        return result;
                    }

                    public async Task<{{e}}Dto?> FindAsync(int id, CancellationToken cancellationToken)
                    {
                        var item = await _repository.FindAsync(id, cancellationToken).ConfigureAwait(false);
                        if (item is null)
                        {
                            _logger.LogWarning("{{e}} {Id} was not found", id);
                            return null;
                        }

                        return new {{e}}Dto(item.Id, item.Name, item.Amount, item.Status, item.CreatedAt);
                    }

                    public async Task<int> CreateAsync(Create{{e}}Request request, CancellationToken cancellationToken)
                    {
                        var errors = {{e}}Validator.Validate(request);
                        if (errors.Count > 0)
                        {
                            throw new ArgumentException(string.Join("; ", errors), nameof(request));
                        }

                        var entity = new {{e}}
                        {
                            Name = request.Name.Trim(),
                            Description = request.Description,
                            Amount = decimal.Round(request.Amount, 2, MidpointRounding.ToEven),
                            Quantity = request.Quantity,
                            CreatedAt = DateTime.UtcNow,
                            Status = {{e}}Status.Draft,
                        };
                        var id = await _repository.InsertAsync(entity, cancellationToken).ConfigureAwait(false);
                        _logger.LogInformation("Created {{e}} {Id} ({Name})", id, entity.Name);
                        return id;
                    }
            {{string.Concat(chosen)}}    }
            }

            """;
    }

    private static string DescribeMethod(string e) => $$"""

                    public static string Describe({{e}} item) => item.Status switch
                    {
                        {{e}}Status.Draft => $"Draft '{item.Name}' ({item.Amount.ToString("C", CultureInfo.InvariantCulture)})",
                        {{e}}Status.Active when item.Quantity > 100 => $"Active bulk {item.Name} x{item.Quantity}",
                        {{e}}Status.Active => $"Active {item.Name}",
                        {{e}}Status.Suspended => $"Suspended since {item.UpdatedAt:yyyy-MM-dd}",
                        _ => string.Format(CultureInfo.InvariantCulture, "{0} #{1} ({2})", item.Name, item.Id, item.Status),
                    };

            """;

    private static string TotalsMethod(string e) => $$"""

                    public static IReadOnlyDictionary<{{e}}Status, decimal> Totals(IEnumerable<{{e}}> items) =>
                        items
                            .GroupBy(x => x.Status)
                            .ToDictionary(g => g.Key, g => g.Sum(x => x.Amount * x.Quantity));

            """;

    private static string ReportMethod(string e) => $$"""

                    public static string BuildReport(IReadOnlyList<{{e}}> items)
                    {
                        var builder = new StringBuilder();
                        builder.AppendLine(CultureInfo.InvariantCulture, $"{{e}} report, {items.Count} rows");
                        foreach (var group in items.GroupBy(x => x.CreatedAt.Date).OrderBy(g => g.Key))
                        {
                            var total = group.Sum(x => x.Amount);
                            builder.AppendFormat(CultureInfo.InvariantCulture, "{0:yyyy-MM-dd}: {1} items, {2:N2} total", group.Key, group.Count(), total);
                            builder.AppendLine();
                        }

                        return builder.ToString();
                    }

            """;

    private static string ClassifyMethod() => """

                    public static string Classify(decimal amount) => amount switch
                    {
                        < 0m => "credit",
                        0m => "free",
                        < 100m => "small",
                        < 10_000m => "medium",
                        _ => "large",
                    };

            """;

    private static string PageMethod(string e) => $$"""

                    public async Task<IReadOnlyList<{{e}}Dto>> PageAsync(int page, int pageSize, CancellationToken cancellationToken)
                    {
                        ArgumentOutOfRangeException.ThrowIfNegative(page);
                        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
                        var items = await _repository.ListAsync(cancellationToken).ConfigureAwait(false);
                        return items
                            .Skip(page * pageSize)
                            .Take(pageSize)
                            .Select(x => new {{e}}Dto(x.Id, x.Name, x.Amount, x.Status, x.CreatedAt))
                            .ToArray();
                    }

            """;

    private static string ParseStatusMethod(string e) => $$"""

                    public static bool TryParseStatus(string? text, out {{e}}Status status)
                    {
                        status = text?.Trim().ToUpperInvariant() switch
                        {
                            "DRAFT" or "NEW" => {{e}}Status.Draft,
                            "ACTIVE" or "OPEN" => {{e}}Status.Active,
                            "SUSPENDED" or "ON HOLD" => {{e}}Status.Suspended,
                            "CLOSED" or "DONE" => {{e}}Status.Closed,
                            _ => ({{e}}Status)(-1),
                        };
                        return Enum.IsDefined(status);
                    }

            """;

    private static string CsvMethod(string e) => $$"""

                    public async Task<string> ExportCsvAsync(CancellationToken cancellationToken)
                    {
                        var items = await _repository.ListAsync(cancellationToken).ConfigureAwait(false);
                        var lines = items.Select(x => string.Join(',',
                            x.Id.ToString(CultureInfo.InvariantCulture),
                            '"' + x.Name.Replace("\"", "\"\"", StringComparison.Ordinal) + '"',
                            x.Amount.ToString(CultureInfo.InvariantCulture),
                            x.CreatedAt.ToString("O", CultureInfo.InvariantCulture)));
                        _logger.LogDebug("Exporting {{e}} as CSV");
                        return "id,name,amount,created_at\n" + string.Join('\n', lines);
                    }

            """;

    private string RepositoryFile(string ns, string e, string table, string context, RepositoryKind kind) => kind switch
    {
        RepositoryKind.EfCore => EfRepository(ns, e, table, context),
        RepositoryKind.Npgsql => NpgsqlRepository(ns, e, table),
        RepositoryKind.Dapper => DapperRepository(ns, e, table),
        _ => SqlClientRepository(ns, e),
    };

    private static string RepositoryInterface(string e) => $$"""
            public interface I{{e}}Repository
            {
                Task<IReadOnlyList<{{e}}>> ListAsync(CancellationToken cancellationToken);

                Task<{{e}}?> FindAsync(int id, CancellationToken cancellationToken);

                Task<int> InsertAsync({{e}} entity, CancellationToken cancellationToken);

                Task<int> UpdateStatusAsync(int id, {{e}}Status status, CancellationToken cancellationToken);
            }
        """;

    private string EfRepository(string ns, string e, string table, string context)
    {
        // Most EF Core repositories are pure LINQ; some drop to raw SQL for bulk updates, as real ones do.
        var update = _random.Next(10) < 2
            ? $$"""
                        return await _context.Database.ExecuteSqlRawAsync(
                            "{{Sql($"UPDATE {table} SET status = {{0}}, updated_at = now() WHERE id = {{1}}")}}",
                            new object[] { (int)status, id },
                            cancellationToken).ConfigureAwait(false);
            """
            : $$"""
                        var entity = await _context.Set<{{e}}>().FindAsync(new object[] { id }, cancellationToken).ConfigureAwait(false);
                        if (entity is null)
                        {
                            return 0;
                        }

                        entity.Status = status;
                        entity.UpdatedAt = DateTime.UtcNow;
                        return await _context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            """;
        return $$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.EntityFrameworkCore;

            namespace {{ns}}
            {
            {{RepositoryInterface(e)}}

                public sealed class {{e}}Repository : I{{e}}Repository
                {
                    private readonly {{context}} _context;

                    public {{e}}Repository({{context}} context)
                    {
                        _context = context;
                    }

                    public async Task<IReadOnlyList<{{e}}>> ListAsync(CancellationToken cancellationToken)
                    {
                        return await _context.Set<{{e}}>()
                            .AsNoTracking()
                            .Where(x => x.Status != {{e}}Status.Closed)
                            .OrderByDescending(x => x.CreatedAt)
                            .Take(500)
                            .ToListAsync(cancellationToken)
                            .ConfigureAwait(false);
                    }

                    public async Task<{{e}}?> FindAsync(int id, CancellationToken cancellationToken)
                    {
                        return await _context.Set<{{e}}>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken).ConfigureAwait(false);
                    }

                    public async Task<int> InsertAsync({{e}} entity, CancellationToken cancellationToken)
                    {
                        _context.Add(entity);
                        await _context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                        return entity.Id;
                    }

                    public async Task<int> UpdateStatusAsync(int id, {{e}}Status status, CancellationToken cancellationToken)
                    {
            {{update}}
                    }
                }
            }

            """;
    }

    private string NpgsqlRepository(string ns, string e, string table) => $$""""
        using System;
        using System.Collections.Generic;
        using System.Globalization;
        using System.Threading;
        using System.Threading.Tasks;
        using Npgsql;
        using NpgsqlTypes;

        namespace {{ns}}
        {
        {{RepositoryInterface(e)}}

            public sealed class {{e}}Repository : I{{e}}Repository
            {
                private const string Columns = "id, name, description, amount, quantity, created_at, updated_at, status";
                private readonly NpgsqlDataSource _dataSource;

                public {{e}}Repository(NpgsqlDataSource dataSource)
                {
                    _dataSource = dataSource;
                }

                public async Task<IReadOnlyList<{{e}}>> ListAsync(CancellationToken cancellationToken)
                {
                    await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                    await using var command = new NpgsqlCommand("SELECT " + Columns + "{{Sql($" FROM {table} WHERE status <> 3 ORDER BY created_at DESC LIMIT 500")}}", connection);
                    await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    var items = new List<{{e}}>();
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        items.Add(Map(reader));
                    }

                    return items;
                }

                public async Task<{{e}}?> FindAsync(int id, CancellationToken cancellationToken)
                {
                    await using var command = _dataSource.CreateCommand($"SELECT {Columns}{{Sql($" FROM {table} WHERE id = @id")}}");
                    command.Parameters.AddWithValue("id", id);
                    await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Map(reader) : null;
                }

                public async Task<int> InsertAsync({{e}} entity, CancellationToken cancellationToken)
                {
                    const string sql = @"{{Sql($"INSERT INTO {table} (name, description, amount, quantity, created_at, status)\nVALUES (@name, @description, @amount, @quantity, @created_at, @status)\nRETURNING id")}}";
                    await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                    await using var command = new NpgsqlCommand(sql, connection);
                    command.Parameters.AddWithValue("name", entity.Name);
                    command.Parameters.AddWithValue("description", (object?)entity.Description ?? DBNull.Value);
                    command.Parameters.Add(new NpgsqlParameter("amount", NpgsqlDbType.Numeric) { Value = entity.Amount });
                    command.Parameters.AddWithValue("quantity", entity.Quantity);
                    command.Parameters.AddWithValue("created_at", entity.CreatedAt);
                    command.Parameters.AddWithValue("status", (int)entity.Status);
                    var result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
                    return Convert.ToInt32(result, CultureInfo.InvariantCulture);
                }

                public async Task<int> UpdateStatusAsync(int id, {{e}}Status status, CancellationToken cancellationToken)
                {
                    await using var command = _dataSource.CreateCommand(
                        """
                        {{Sql($"UPDATE {table}\n                    SET status = @status, updated_at = now()\n                    WHERE id = @id")}}
                        """);
                    command.Parameters.AddWithValue("status", (int)status);
                    command.Parameters.AddWithValue("id", id);
                    return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                private static {{e}} Map(NpgsqlDataReader reader) => new()
                {
                    Id = reader.GetInt32(0),
                    Name = reader.GetString(1),
                    Description = reader.IsDBNull(2) ? null : reader.GetString(2),
                    Amount = reader.GetDecimal(3),
                    Quantity = reader.GetInt32(4),
                    CreatedAt = reader.GetDateTime(5),
                    UpdatedAt = reader.IsDBNull(6) ? null : reader.GetDateTime(6),
                    Status = ({{e}}Status)reader.GetInt32(7),
                };
            }
        }

        """";

    private string DapperRepository(string ns, string e, string table) => $$"""
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using Dapper;
        using Npgsql;

        namespace {{ns}}
        {
        {{RepositoryInterface(e)}}

            public sealed class {{e}}Repository : I{{e}}Repository
            {
                private const string SelectColumns = "SELECT id AS Id, name AS Name, description AS Description, amount AS Amount, quantity AS Quantity, created_at AS CreatedAt, updated_at AS UpdatedAt, status AS Status";
                private readonly NpgsqlDataSource _dataSource;

                public {{e}}Repository(NpgsqlDataSource dataSource)
                {
                    _dataSource = dataSource;
                }

                public async Task<IReadOnlyList<{{e}}>> ListAsync(CancellationToken cancellationToken)
                {
                    await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                    var rows = await connection.QueryAsync<{{e}}>(new CommandDefinition(SelectColumns + "{{Sql($" FROM {table} ORDER BY created_at DESC LIMIT 500")}}", cancellationToken: cancellationToken)).ConfigureAwait(false);
                    return rows.AsList();
                }

                public async Task<{{e}}?> FindAsync(int id, CancellationToken cancellationToken)
                {
                    await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                    return await connection.QuerySingleOrDefaultAsync<{{e}}>(SelectColumns + "{{Sql($" FROM {table} WHERE id = @Id")}}", new { Id = id }).ConfigureAwait(false);
                }

                public async Task<int> InsertAsync({{e}} entity, CancellationToken cancellationToken)
                {
                    await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                    return await connection.ExecuteScalarAsync<int>(
                        "{{Sql($"INSERT INTO {table} (name, description, amount, quantity, created_at, status) VALUES (@Name, @Description, @Amount, @Quantity, @CreatedAt, @Status) RETURNING id")}}",
                        entity).ConfigureAwait(false);
                }

                public async Task<int> UpdateStatusAsync(int id, {{e}}Status status, CancellationToken cancellationToken)
                {
                    await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                    return await connection.ExecuteAsync("{{Sql($"UPDATE {table} SET status = @Status, updated_at = now() WHERE id = @Id")}}", new { Id = id, Status = (int)status }).ConfigureAwait(false);
                }

                public int CountActive()
                {
                    using var connection = _dataSource.OpenConnection();
                    return connection.Query<int>("{{Sql($"SELECT count(*) FROM {table} WHERE status = 1")}}").Single();
                }
            }
        }

        """;

    private string SqlClientRepository(string ns, string e) => $$"""
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Data.SqlClient;

        namespace {{ns}}
        {
        {{RepositoryInterface(e)}}

            /// <summary>Reads the legacy reporting copy on SQL Server.</summary>
            public sealed class {{e}}Repository : I{{e}}Repository
            {
                private readonly string _connectionString;

                public {{e}}Repository(string connectionString)
                {
                    _connectionString = connectionString;
                }

                public async Task<IReadOnlyList<{{e}}>> ListAsync(CancellationToken cancellationToken)
                {
                    await using var connection = new SqlConnection(_connectionString);
                    await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                    await using var command = new SqlCommand("{{Sql($"SELECT TOP (500) Id, Name, Amount, CreatedAt, Status FROM dbo.{e} ORDER BY CreatedAt DESC")}}", connection);
                    await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    var items = new List<{{e}}>();
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        items.Add(new {{e}} { Id = reader.GetInt32(0), Name = reader.GetString(1), Amount = reader.GetDecimal(2), CreatedAt = reader.GetDateTime(3), Status = ({{e}}Status)reader.GetInt32(4) });
                    }

                    return items;
                }

                public async Task<{{e}}?> FindAsync(int id, CancellationToken cancellationToken)
                {
                    var items = await ListAsync(cancellationToken).ConfigureAwait(false);
                    foreach (var item in items)
                    {
                        if (item.Id == id)
                        {
                            return item;
                        }
                    }

                    return null;
                }

                public Task<int> InsertAsync({{e}} entity, CancellationToken cancellationToken) =>
                    throw new NotSupportedException("The reporting copy is read-only.");

                public Task<int> UpdateStatusAsync(int id, {{e}}Status status, CancellationToken cancellationToken) =>
                    throw new NotSupportedException("The reporting copy is read-only.");
            }
        }

        """;

    private static string HandlerFile(string ns, string e) => $$"""
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;

        namespace {{ns}}
        {
            public abstract record {{e}}Command;

            public sealed record Create{{e}}Command(Create{{e}}Request Request) : {{e}}Command;

            public sealed record Get{{e}}Command(int Id) : {{e}}Command;

            public sealed record List{{e}}Command(decimal Minimum) : {{e}}Command;

            public sealed class {{e}}Handler
            {
                private readonly {{e}}Service _service;
                private readonly ILogger<{{e}}Handler> _logger;

                public {{e}}Handler({{e}}Service service, ILogger<{{e}}Handler> logger)
                {
                    _service = service;
                    _logger = logger;
                }

                public async Task<object?> HandleAsync({{e}}Command command, CancellationToken cancellationToken)
                {
                    ArgumentNullException.ThrowIfNull(command);
                    using var scope = _logger.BeginScope("Handling {Command}", command.GetType().Name);
                    try
                    {
                        return command switch
                        {
                            Create{{e}}Command create => await _service.CreateAsync(create.Request, cancellationToken).ConfigureAwait(false),
                            Get{{e}}Command get => await _service.FindAsync(get.Id, cancellationToken).ConfigureAwait(false),
                            List{{e}}Command list => await _service.GetActiveAsync(list.Minimum, cancellationToken).ConfigureAwait(false),
                            _ => throw new NotSupportedException($"Unknown command {command.GetType().Name}"),
                        };
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        _logger.LogError(ex, "{{e}} command {Command} failed", command.GetType().Name);
                        throw;
                    }
                }
            }
        }

        """;

    private string ContextFile(string ns, string context, List<(string Name, string Table, RepositoryKind Kind)> entities)
    {
        var sets = new StringBuilder();
        var model = new StringBuilder();
        foreach (var (name, table, _) in entities)
        {
            var dot = table.IndexOf('.', StringComparison.Ordinal);
            sets.Append(CultureInfo.InvariantCulture, $"        public DbSet<{name}> {name}Items => Set<{name}>();\n\n");
            model.Append(CultureInfo.InvariantCulture, $$"""
                            modelBuilder.Entity<{{name}}>(entity =>
                            {
                                entity.ToTable("{{table[(dot + 1)..]}}", "{{table[..dot]}}");
                                entity.HasKey(x => x.Id);
                                entity.Property(x => x.Name).HasMaxLength(200).IsRequired();
                                entity.Property(x => x.Amount).HasPrecision(18, 2);
                                entity.HasIndex(x => x.CreatedAt);
                            });

                """);
            model.Append('\n');
        }

        return $$"""
            using Microsoft.EntityFrameworkCore;

            namespace {{ns}}
            {
                public sealed class {{context}} : DbContext
                {
                    public {{context}}(DbContextOptions<{{context}}> options)
                        : base(options)
                    {
                    }

            {{sets}}        protected override void OnModelCreating(ModelBuilder modelBuilder)
                    {
            {{model}}        }
                }
            }

            """;
    }

    private static string RegistrationFile(string ns, string domain, int module, string context, List<(string Name, string Table, RepositoryKind Kind)> entities)
    {
        var registrations = new StringBuilder();
        foreach (var (name, _, kind) in entities)
        {
            registrations.Append(kind == RepositoryKind.SqlClient
                ? $"            services.AddScoped<I{name}Repository>(_ => new {name}Repository(reportingConnectionString));\n"
                : $"            services.AddScoped<I{name}Repository, {name}Repository>();\n");
            registrations.Append(CultureInfo.InvariantCulture, $"            services.AddScoped<{name}Service>();\n");
        }

        return $$"""
            using System;
            using Microsoft.EntityFrameworkCore;
            using Microsoft.Extensions.DependencyInjection;

            namespace {{ns}}
            {
                public static class {{domain}}Module{{module}}
                {
                    public static IServiceCollection Add{{domain}}Module{{module}}(this IServiceCollection services, string connectionString, string reportingConnectionString)
                    {
                        ArgumentException.ThrowIfNullOrEmpty(connectionString);
                        services.AddNpgsqlDataSource(connectionString);
                        services.AddDbContext<{{context}}>(options => options.UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure(3)));
            {{registrations}}            return services;
                    }
                }
            }

            """;
    }

    private string MigrationFile(string ns, string domain, int module, List<(string Name, string Table, RepositoryKind Kind)> entities)
    {
        var up = new StringBuilder();
        var down = new StringBuilder();
        foreach (var (_, table, _) in entities.Take(1))
        {
            var index = "ix_" + table.Replace('.', '_') + "_created_at";
            up.Append(CultureInfo.InvariantCulture, $"            migrationBuilder.Sql(\"{Sql($"CREATE INDEX IF NOT EXISTS {index} ON {table} (created_at)")}\");\n");
            down.Append(CultureInfo.InvariantCulture, $"            migrationBuilder.Sql(\"{Sql($"DROP INDEX IF EXISTS {index}")}\");\n");
        }

        var schema = domain.ToLowerInvariant();
        up.Append(CultureInfo.InvariantCulture, $"            migrationBuilder.Sql(@\"{Sql($"CREATE OR REPLACE FUNCTION {schema}.touch_m{module}() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n    NEW.updated_at := now();\n    RETURN NEW;\nEND;\n$$;")}\");\n");
        up.Append(CultureInfo.InvariantCulture, $"            migrationBuilder.Sql(\"{Sql($"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO reporting_reader")}\");\n");
        if (Due(ref _nextInsecureSql, InsecureSqlGap))
        {
            _result.InsecureSql++;
            up.Append(CultureInfo.InvariantCulture, $"            migrationBuilder.Sql(\"{Sql(InsecureStatement(schema, entities[0].Table))}\");\n");
        }

        return $$"""
            using Microsoft.EntityFrameworkCore.Migrations;

            namespace {{ns}}.Migrations
            {
                public partial class {{domain}}{{module}}Indexes : Migration
                {
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
            {{up}}        }

                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
            {{down}}        }
                }
            }

            """;
    }

    private string InsecureStatement(string schema, string table) => _random.Next(6) switch
    {
        0 => $"GRANT SELECT ON {table} TO PUBLIC",
        1 => $"ALTER ROLE {schema}_app WITH SUPERUSER",
        2 => $"CREATE ROLE {schema}_etl LOGIN PASSWORD 'etl-2024-secret'",
        3 => $"COPY {table} TO PROGRAM 'gzip > /var/backups/{schema}.gz'",
        4 => "CREATE EXTENSION IF NOT EXISTS dblink",
        _ => "ALTER SYSTEM SET log_min_duration_statement = 0",
    };

    /// <summary>A small file with one connection-string literal, in one of the places real code keeps them.</summary>
    private string ConnectionStringFile(string ns, string domain, string name, string context)
    {
        var schema = domain.ToLowerInvariant();
        switch (_random.Next(5))
        {
            case 0:
                return $$"""
                    using Microsoft.EntityFrameworkCore;
                    using Microsoft.EntityFrameworkCore.Design;

                    namespace {{ns}}
                    {
                        public sealed class {{name}}DesignTimeFactory : IDesignTimeDbContextFactory<{{context}}>
                        {
                            public {{context}} CreateDbContext(string[] args)
                            {
                                var options = new DbContextOptionsBuilder<{{context}}>()
                                    .UseNpgsql("{{NpgsqlConnectionString(schema, local: true)}}")
                                    .Options;
                                return new {{context}}(options);
                            }
                        }
                    }

                    """;
            case 1:
                return $$"""
                    using System.Threading;
                    using System.Threading.Tasks;
                    using Npgsql;

                    namespace {{ns}}
                    {
                        public static class {{name}}ConnectivityProbe
                        {
                            private const string ReplicaConnectionString = "{{NpgsqlConnectionString(schema, local: false)}}";

                            public static async Task<bool> CanConnectAsync(CancellationToken cancellationToken)
                            {
                                try
                                {
                                    await using var connection = new NpgsqlConnection(ReplicaConnectionString);
                                    await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                                    await using var command = new NpgsqlCommand("{{Sql("SELECT 1")}}", connection);
                                    return (int?)await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) == 1;
                                }
                                catch (NpgsqlException)
                                {
                                    return false;
                                }
                            }
                        }
                    }

                    """;
            case 2:
                return $$"""
                    using System;
                    using System.Threading;
                    using System.Threading.Tasks;
                    using Npgsql;

                    namespace {{ns}}
                    {
                        internal static class {{name}}ArchiveJob
                        {
                            private static readonly NpgsqlDataSource DataSource = NpgsqlDataSource.Create("{{NpgsqlConnectionString(schema, local: false)}}");

                            public static async Task<int> PurgeAsync(DateTime before, CancellationToken cancellationToken)
                            {
                                await using var command = DataSource.CreateCommand("{{Sql($"DELETE FROM {schema}.events WHERE created_at < @before")}}");
                                command.Parameters.AddWithValue("before", before);
                                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                            }
                        }
                    }

                    """;
            case 3:
                return $$"""
                    using Npgsql;

                    namespace {{ns}}
                    {
                        public static class {{name}}ReportingConnection
                        {
                            public static string Build(string password)
                            {
                                var builder = new NpgsqlConnectionStringBuilder("{{NpgsqlConnectionString(schema, local: false)}}")
                                {
                                    Password = password,
                                    ApplicationName = "{{schema}}-reporting",
                                    CommandTimeout = 120,
                                };
                                return builder.ConnectionString;
                            }
                        }
                    }

                    """;
            default:
                _result.ConnectionStringLiterals++;
                return $$"""
                    using System.Threading;
                    using System.Threading.Tasks;
                    using Microsoft.Data.SqlClient;

                    namespace {{ns}}
                    {
                        public static class {{name}}LegacyExport
                        {
                            public static async Task<int> CountAsync(CancellationToken cancellationToken)
                            {
                                await using var connection = new SqlConnection("Server=tcp:legacy-sql.contoso.internal,1433;Database={{domain}}Archive;Integrated Security=true;Encrypt=true;TrustServerCertificate=false");
                                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                                await using var command = new SqlCommand("{{Sql("SELECT COUNT(*) FROM dbo.Export")}}", connection);
                                return (int)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) ?? 0);
                            }
                        }
                    }

                    """;
        }
    }

    /// <summary>An Npgsql connection string; about one in four carries a setting PgGuard should report.</summary>
    private string NpgsqlConnectionString(string schema, bool local)
    {
        _result.ConnectionStringLiterals++;
        _result.NpgsqlConnectionStringLiterals++;
        if (local)
        {
            // Local connections are development ones: PgGuard stays quiet about them by design.
            return $"Host=localhost;Database={schema}_dev;Username=dev;Password=dev";
        }

        var host = $"pg-{schema}-{_random.Next(1, 4)}.prod.contoso.internal";
        var text = $"Host={host};Port=5432;Database={schema};Username={schema}_app;SSL Mode=VerifyFull;Maximum Pool Size=20";
        if (_random.Next(4) != 0)
        {
            return text;
        }

        _result.InsecureConnectionStrings++;
        return _random.Next(5) switch
        {
            0 => text.Replace("SSL Mode=VerifyFull", "SSL Mode=Disable", StringComparison.Ordinal),
            1 => text.Replace($"Username={schema}_app", "Username=postgres", StringComparison.Ordinal),
            2 => text + ";Password=Spring2024!",
            3 => text + ";Include Error Detail=true",
            _ => text.Replace(host, "52.14.8." + _random.Next(2, 250).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
        };
    }

    private string SqlScript(string schema, IEnumerable<string> tables)
    {
        var script = new StringBuilder();
        script.Append(CultureInfo.InvariantCulture, $"-- Schema {schema}: tables, indexes and grants.\nCREATE SCHEMA IF NOT EXISTS {schema};\n\n");
        foreach (var table in tables)
        {
            script.Append(CultureInfo.InvariantCulture, $$"""
                CREATE TABLE IF NOT EXISTS {{table}} (
                    id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    name        varchar(200) NOT NULL,
                    description text,
                    amount      numeric(18, 2) NOT NULL DEFAULT 0,
                    quantity    integer NOT NULL CHECK (quantity > 0),
                    created_at  timestamptz NOT NULL DEFAULT now(),
                    updated_at  timestamptz,
                    status      smallint NOT NULL DEFAULT 0 /* 0 draft, 1 active, 2 suspended, 3 closed */
                );
                CREATE INDEX IF NOT EXISTS ix_{{table.Replace('.', '_')}}_status ON {{table}} (status) WHERE status <> 3;
                COMMENT ON TABLE {{table}} IS 'Owned by the {{schema}} team; see the wiki page ''{{schema}} data''.';
                GRANT SELECT, INSERT, UPDATE ON {{table}} TO {{schema}}_app;


                """);
        }

        if (Due(ref _nextInsecureSql, InsecureSqlGap))
        {
            _result.InsecureSql++;
            script.Append(InsecureStatement(schema, tables.First())).Append(";\n");
        }

        return script.ToString();
    }

    private void WriteConfigFiles()
    {
        var production = new StringBuilder();
        var development = new StringBuilder();
        foreach (var domain in Domains)
        {
            var schema = domain.ToLowerInvariant();
            production.Append(CultureInfo.InvariantCulture, $"    \"{domain}\": \"Host=pg-{schema}.prod.contoso.internal;Database={schema};Username={schema}_app;SSL Mode=VerifyFull;Maximum Pool Size=30\",\n");
            development.Append(CultureInfo.InvariantCulture, $"    \"{domain}\": \"Host=localhost;Database={schema}_dev;Username=dev;Password=dev\",\n");
        }

        // Two planted findings in configuration: a downgradable TLS mode and a password in a production file.
        _result.InsecureConfigConnectionStrings = 2;
        AddAdditional("appsettings.json", $$"""
            {
              // Shared settings; connection strings come from the environment-specific files.
              "Logging": {
                "LogLevel": { "Default": "Information", "Microsoft.EntityFrameworkCore": "Warning" }
              },
              "AllowedHosts": "*",
              "Features": { "Exports": true, "LegacyReporting": true, },
              "ConnectionStrings": {
                "Audit": "Host=pg-audit.prod.contoso.internal;Database=audit;Username=audit_writer;SSL Mode=Prefer;Maximum Pool Size=10"
              }
            }

            """);
        AddAdditional("appsettings.Development.json", $$"""
            {
              "ConnectionStrings": {
            {{development}}    "Reporting": "Server=localhost;Database=Reporting;Integrated Security=true;Encrypt=false"
              }
            }

            """);
        AddAdditional("appsettings.Production.json", $$"""
            {
              "ConnectionStrings": {
            {{production}}    "Warehouse": "Host=pg-warehouse.prod.contoso.internal;Database=warehouse;Username=etl;Password=W4rehouse!;SSL Mode=VerifyFull;Maximum Pool Size=10",
                "Reporting": "Server=tcp:legacy-sql.contoso.internal,1433;Database=Reporting;Integrated Security=true;Encrypt=true"
              }
            }

            """);
        AddAdditional("web.config", """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <connectionStrings>
                <add name="Legacy" connectionString="Host=pg-legacy.contoso.internal;Database=legacy;Username=legacy_app;SSL Mode=VerifyFull;Maximum Pool Size=20" providerName="Npgsql" />
                <add name="Reporting" connectionString="Server=legacy-sql.contoso.internal;Database=Reporting;Integrated Security=true;Encrypt=true" providerName="Microsoft.Data.SqlClient" />
              </connectionStrings>
              <appSettings>
                <add key="ExportFolder" value="/var/exports" />
                <add key="MaxExportRows" value="50000" />
              </appSettings>
              <system.webServer>
                <handlers>
                  <add name="aspNetCore" path="*" verb="*" modules="AspNetCoreModuleV2" resourceType="Unspecified" />
                </handlers>
              </system.webServer>
            </configuration>

            """);
    }

    private string Sql(string text)
    {
        _result.SqlStrings++;
        return text;
    }

    private bool Due(ref int next, int meanGap)
    {
        if (_result.SourceLines < next)
        {
            return false;
        }

        next = _result.SourceLines + _random.Next(meanGap / 2, meanGap * 3 / 2);
        return true;
    }

    private void Add(string path, string text)
    {
        _result.Sources.Add(new GeneratedFile("/generated/" + path, text));
        _result.SourceLines += CountLines(text);
    }

    private void AddAdditional(string path, string text)
    {
        _result.AdditionalFiles.Add(new GeneratedFile("/generated/" + path, text));
        _result.AdditionalLines += CountLines(text);
    }

    private static int CountLines(string text) => text.AsSpan().Count('\n');
}
