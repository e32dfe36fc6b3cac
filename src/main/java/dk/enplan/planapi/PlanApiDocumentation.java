package dk.enplan.planapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document of {@code /api} (served at {@code /api-docs}, Swagger UI at {@code /swagger-ui.html}). */
@Configuration
class PlanApiDocumentation {

  static final String BASIC_AUTH = "basicAuth";

  @Bean
  OpenAPI planApiOpenApi() {
    return new OpenAPI()
        .info(new Info().title("Én Plan API").version("1").description("""
            The citizen's Én Plan for caseworkers, the citizen's printable plan, and a lookup for the specialist \
            systems (fagsystemer). Every call needs HTTP Basic with a user of the Camunda identity service (the same \
            users as Tasklist and /engine-rest); a caller sees only courses of their own municipality (tenant). \
            Errors are JSON naming the field to correct: {"field": "cpr", "message": "cpr: skal være 10 cifre, fx \
            010190-1234"}. Read only: no call here changes anything."""))
        .components(new Components().addSecuritySchemes(BASIC_AUTH, new SecurityScheme()
            .type(SecurityScheme.Type.HTTP).scheme("basic")
            .description("A user of the Camunda identity service, e.g. fagsystem.allerod")))
        .addSecurityItem(new SecurityRequirement().addList(BASIC_AUTH));
  }
}
