using EscalationFlows.Persistence.Tests.Scenarios;
using EscalationFlows.Persistence.Tests.Support;
using EscalationFlows.Testing;

namespace EscalationFlows.Persistence.Tests.Postgres;

public sealed class PostgresHumanTaskTests(PostgresFixture postgres) : HumanTaskScenarios(new PostgresTestDatabases(postgres));
