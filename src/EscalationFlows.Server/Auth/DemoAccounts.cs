namespace EscalationFlows.Server.Auth;

/// <summary>The demo teams and users <c>Seed:Demo=true</c> creates (listed in the README): one user per role, one shared password.</summary>
public static class DemoAccounts
{
    public const string Password = "escalation-demo";

    public static IReadOnlyList<(string Name, IReadOnlyList<string> Skills)> Teams { get; } =
    [
        ("Network", ["routing", "vpn", "dns", "firewall"]),
        ("Applications", ["crm", "erp", "web"]),
        ("Billing", ["invoices", "refunds", "payments"]),
    ];

    public static IReadOnlyList<NewUser> Users { get; } =
    [
        new("admin@demo.local", "Ada Admin", Password, [Roles.Admin], []),
        new("owner@demo.local", "Omar Owner", Password, [Roles.ProcessOwner], []),
        new("manager@demo.local", "Mia Manager", Password, [Roles.EscalationManager], ["Network", "Applications", "Billing"]),
        new("agent@demo.local", "Aiko Agent", Password, [Roles.Agent], ["Network", "Applications"]),
        new("resolver@demo.local", "Rui Resolver", Password, [Roles.Resolver], ["Billing"]),
        new("leader@demo.local", "Lena Leader", Password, [Roles.Leadership], []),
        new("viewer@demo.local", "Vik Viewer", Password, [Roles.Viewer], []),
    ];
}
