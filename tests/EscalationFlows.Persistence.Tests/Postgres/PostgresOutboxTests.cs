using EscalationFlows.Persistence.Tests.Scenarios;
using EscalationFlows.Persistence.Tests.Support;
using EscalationFlows.Testing;

namespace EscalationFlows.Persistence.Tests.Postgres;

public sealed class PostgresOutboxTests(PostgresFixture postgres) : OutboxScenarios(new PostgresTestDatabases(postgres));
