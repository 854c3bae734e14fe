using System.Globalization;
using Microsoft.Data.Sqlite;

namespace EscalationFlows.Server.Tests.Notifications;

/// <summary>Reads (and, to play a crash, rewinds) rows of the server's outbox table in its SQLite file.</summary>
public static class OutboxRows
{
    public static async Task<IReadOnlyList<OutboxRow>> ReadAsync(string databaseFile, string kind)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, instance_id, attempts, next_attempt_at, delivered_at, last_error FROM wf_outbox WHERE kind = $kind ORDER BY created_at";
        command.Parameters.AddWithValue("$kind", kind);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<OutboxRow>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add(new OutboxRow(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetInt32(2),
                new DateTimeOffset(reader.GetInt64(3), TimeSpan.Zero),
                reader.IsDBNull(4) ? null : new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return rows;
    }

    /// <summary>Marks a delivered message undelivered again: what a node that crashed after sending but before recording the delivery leaves behind.</summary>
    public static async Task ForgetDeliveryAsync(string databaseFile, string id)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE wf_outbox SET delivered_at = NULL, lease_owner = NULL, lease_until = NULL WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        Assert.Equal(1, await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
    }

    public static string Describe(IEnumerable<OutboxRow> rows) =>
        string.Join("; ", rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Id} attempts={r.Attempts} delivered={r.DeliveredAt} error={r.LastError}")));
}
