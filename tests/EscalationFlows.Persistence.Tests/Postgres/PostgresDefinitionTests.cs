using EscalationFlows.Persistence.Tests.Scenarios;
using EscalationFlows.Persistence.Tests.Support;
using EscalationFlows.Testing;

namespace EscalationFlows.Persistence.Tests.Postgres;

public sealed class PostgresDefinitionTests(PostgresFixture postgres) : DefinitionScenarios(new PostgresTestDatabases(postgres));
