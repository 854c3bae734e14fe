using EscalationFlows.Testing;

// One throwaway PostgreSQL cluster for the run; each test creates its own database on it.
[assembly: AssemblyFixture(typeof(PostgresFixture))]

// These tests start server processes and load both cores: running two at once would only make each slower.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]
