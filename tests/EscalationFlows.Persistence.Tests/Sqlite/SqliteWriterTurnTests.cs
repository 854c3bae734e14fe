using EscalationFlows.Persistence.Providers;

namespace EscalationFlows.Persistence.Tests.Sqlite;

/// <summary>
/// SQLite has one writer per file. Writers of one process take turns in the store (in arrival order) instead of
/// meeting SQLITE_BUSY, where Microsoft.Data.Sqlite retries with blocking 150 ms sleeps and SQLite's busy handler
/// sleeps in growing steps: under concurrent load that made p99 latency about a second (docs/benchmarks.md).
/// </summary>
public sealed class SqliteWriterTurnTests
{
    [Fact]
    public async Task Sqlite_writers_of_one_process_take_turns_one_at_a_time_in_arrival_order()
    {
        var dialect = new SqliteDialect();
        var order = new List<int>();
        var first = await dialect.EnterWriteAsync(TestContext.Current.CancellationToken);
        var waiting = Enumerable.Range(1, 5).Select(async i =>
        {
            using var turn = await dialect.EnterWriteAsync(TestContext.Current.CancellationToken);
            lock (order)
            {
                order.Add(i);
            }
        }).ToList();

        Assert.All(waiting, w => Assert.False(w.IsCompleted));
        first.Dispose();
        await Task.WhenAll(waiting);

        Assert.Equal([1, 2, 3, 4, 5], order);
    }

    [Fact]
    public async Task A_writer_that_gives_up_waiting_does_not_take_or_lose_a_turn()
    {
        var dialect = new SqliteDialect();
        var held = await dialect.EnterWriteAsync(TestContext.Current.CancellationToken);
        using var cancel = new CancellationTokenSource();
        var impatient = dialect.EnterWriteAsync(cancel.Token).AsTask();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
        held.Dispose();
        using var next = await dialect.EnterWriteAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task PostgreSQL_writers_do_not_wait_for_a_turn()
    {
        var dialect = new PostgresDialect();
        using var first = await dialect.EnterWriteAsync(TestContext.Current.CancellationToken);

        var second = dialect.EnterWriteAsync(TestContext.Current.CancellationToken);

        Assert.True(second.IsCompleted);
    }
}
