using EscalationFlows.Testing;

namespace EscalationFlows.Persistence.Tests.TestSupport;

public sealed class PostgresBinariesTests
{
    [Fact]
    public void An_override_without_the_server_binaries_is_reported_with_the_variable_and_the_directory()
    {
        var empty = Directory.CreateTempSubdirectory("escalationflows-nopg-");
        try
        {
            Assert.Null(PostgresBinaries.Find(empty.FullName, out var reason));
            Assert.Contains(PostgresBinaries.DirectoryVariable, reason, StringComparison.Ordinal);
            Assert.Contains(empty.FullName, reason, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete();
        }
    }

    [Fact]
    public void An_override_with_the_binaries_wins_over_the_search()
    {
        var fake = Directory.CreateTempSubdirectory("escalationflows-fakepg-");
        try
        {
            foreach (var tool in new[] { "initdb", "pg_ctl", "postgres" })
            {
                File.WriteAllText(Path.Combine(fake.FullName, tool), string.Empty);
            }

            Assert.Equal(fake.FullName, PostgresBinaries.Find(fake.FullName, out _));
        }
        finally
        {
            fake.Delete(recursive: true);
        }
    }
}
