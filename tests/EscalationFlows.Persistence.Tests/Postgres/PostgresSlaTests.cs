using EscalationFlows.Persistence.Tests.Scenarios;
using EscalationFlows.Persistence.Tests.Support;
using EscalationFlows.Testing;

namespace EscalationFlows.Persistence.Tests.Postgres;

public sealed class PostgresSlaTests(PostgresFixture postgres) : SlaScenarios(new PostgresTestDatabases(postgres));
