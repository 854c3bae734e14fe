using EscalationFlows.Persistence.Tests.Support;
using EscalationFlows.Testing;

// One PostgreSQL cluster and one migrated SQLite template per test run; every test gets its own database from them.
[assembly: AssemblyFixture(typeof(PostgresFixture))]
[assembly: AssemblyFixture(typeof(SqliteTemplateFixture))]
