var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.MapGet("/", () => Results.Ok(new { message = "hello from ASP.NET Core" }));
app.MapGet("/healthz", () => Results.NoContent());

app.Run();
