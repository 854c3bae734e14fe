namespace EscalationFlows.Server.Studio;

/// <summary>The page served at / when the web studio was not built into wwwroot.</summary>
public static class StudioPlaceholder
{
    public const string Html = """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>EscalationFlows</title>
          <style>
            body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5; color: #1f2933; }
            code { background: #f0f4f8; padding: 0.1rem 0.3rem; border-radius: 0.2rem; }
          </style>
        </head>
        <body>
          <h1>EscalationFlows is running</h1>
          <p>The web studio was not built, so there is no <code>wwwroot/index.html</code> to serve.
             The server and its API work without it.</p>
          <ul>
            <li>API reference: <a href="/scalar">/scalar</a> (OpenAPI document at <a href="/openapi/v1.json">/openapi/v1.json</a>)</li>
            <li>Workflow definitions: <a href="/api/workflow-definitions">/api/workflow-definitions</a></li>
            <li>Health: <a href="/health/ready">/health/ready</a></li>
          </ul>
        </body>
        </html>
        """;
}
