using Microsoft.Data.Sqlite;

namespace EscalationFlows.Testing;

/// <summary>
/// A SQLite database FILE in its own temp directory (so the -wal and -shm files go with it), deleted on dispose.
/// <see cref="CopyOf"/> clones a prepared template file, which is much faster than migrating every test's database.
/// </summary>
public sealed class TempSqliteDatabase : IDisposable
{
    private TempSqliteDatabase(string directory)
    {
        DirectoryPath = directory;
        FilePath = Path.Combine(directory, "escalationflows.db");
    }

    public string DirectoryPath { get; }

    public string FilePath { get; }

    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = FilePath }.ConnectionString;

    /// <summary>A path for a database that does not exist yet.</summary>
    public static TempSqliteDatabase Create() => new(Directory.CreateTempSubdirectory("escalationflows-sqlite-").FullName);

    /// <summary>A copy of <paramref name="template"/>'s file; call <see cref="Checkpoint"/> on the template first.</summary>
    public static TempSqliteDatabase CopyOf(TempSqliteDatabase template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var copy = Create();
        File.Copy(template.FilePath, copy.FilePath);
        return copy;
    }

    /// <summary>Moves everything from the WAL into the main file and closes pooled connections, so the file alone is the database.</summary>
    public void Checkpoint()
    {
        using (var connection = new SqliteConnection(ConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            command.ExecuteNonQuery();
        }

        ClearPool();
    }

    public void Dispose()
    {
        ClearPool();
        if (Directory.Exists(DirectoryPath))
        {
            Directory.Delete(DirectoryPath, recursive: true);
        }
    }

    private void ClearPool()
    {
        using var connection = new SqliteConnection(ConnectionString);
        SqliteConnection.ClearPool(connection);
    }
}
