using EscalationFlows.Persistence.Tests.Scenarios;
using EscalationFlows.Persistence.Tests.Support;
using EscalationFlows.Testing;

namespace EscalationFlows.Persistence.Tests.Postgres;

public sealed class PostgresRuntimeTests(PostgresFixture postgres) : RuntimeScenarios(new PostgresTestDatabases(postgres));
