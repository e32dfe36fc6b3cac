package dk.enplan.cockpit;

import dk.enplan.municipality.Municipality;
import dk.enplan.municipality.MunicipalityCatalog;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.camunda.bpm.webapp.plugin.spi.AppPlugin;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The Cockpit plugin's server side, below {@code /camunda/api/cockpit/plugin/en-plan/}:
 *
 * <ul>
 *   <li>{@code static/app/plugin.js} and {@code plugin.css}: the page (Cockpit loads them itself);
 *       {@code static/app/echarts.js}: the chart library, Apache ECharts, from its WebJar on the classpath — nothing
 *       is loaded from the internet;
 *   <li>{@code {engine}/municipalities}: the municipalities of the network, for the network role's choice;
 *   <li>{@code {engine}/kpi/summary} and {@code {engine}/kpi/courses}: the KPI API ({@code /api/kpi/…},
 *       docs/kpi.md) for the user logged in to Cockpit. The request is forwarded inside the server to the KPI API,
 *       which sees the Cockpit user as the engine's current user (Camunda's webapp authentication sets it), so the
 *       KPI API's own checks decide — role, municipality, masking — exactly as over HTTP Basic; the browser needs no
 *       password for it. Which roles may call it at all: {@code EngineApiAllowList#judgePlugin}.
 * </ul>
 */
@Path("plugin/" + EnPlanCockpitPlugin.ID)
public class EnPlanCockpitResource extends AbstractCockpitPluginRootResource {

  /** The chart library, served as the plugin's asset {@code app/echarts.js} (an ES module). */
  static final String ECHARTS_ASSET = "app/echarts.js";
  static final String ECHARTS_WEBJAR = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.esm.min.js";
  /** Where the KPI API answers (docs/kpi.md); the only views of it the page reads. */
  static final Map<String, String> KPI_VIEWS = Map.of("summary", "/api/kpi/summary", "courses", "/api/kpi/courses");

  @Context HttpServletRequest request;
  @Context HttpServletResponse response;

  public EnPlanCockpitResource() {
    super(EnPlanCockpitPlugin.ID);
  }

  @Override
  protected List<String> getAllowedAssets() {
    List<String> assets = new ArrayList<>(super.getAllowedAssets());
    assets.add(ECHARTS_ASSET);
    return assets;
  }

  @Override
  protected InputStream getPluginAssetAsStream(AppPlugin plugin, String fileName) {
    if (ECHARTS_ASSET.equals(fileName)) {
      return EnPlanCockpitResource.class.getClassLoader().getResourceAsStream(ECHARTS_WEBJAR);
    }
    return super.getPluginAssetAsStream(plugin, fileName);
  }

  /** {@code GET {engine}/municipalities}: the network's municipalities (tenant id and name), for the network's choice. */
  @GET
  @Path("{engine}/municipalities")
  @Produces(MediaType.APPLICATION_JSON)
  public List<Map<String, String>> municipalities(@PathParam("engine") String engine) {
    MunicipalityCatalog catalog = WebApplicationContextUtils.getRequiredWebApplicationContext(
        request.getServletContext()).getBean(MunicipalityCatalog.class);
    return catalog.all().stream().sorted(java.util.Comparator.comparing(Municipality::name))
        .map(m -> Map.of("tenant", m.tenant(), "name", m.name())).toList();
  }

  /** {@code GET {engine}/kpi/summary?from=&to=[&municipality=]} and {@code GET {engine}/kpi/courses?kpi=&…}. */
  @GET
  @Path("{engine}/kpi/{view}")
  public Response kpi(@PathParam("engine") String engine, @PathParam("view") String view)
      throws ServletException, IOException {
    String target = KPI_VIEWS.get(view);
    if (target == null || Cockpit.getProcessEngine(engine) == null) {
      return Response.status(Response.Status.NOT_FOUND).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
          .entity("{\"message\": \"Findes ikke\"}").build();
    }
    // The query string (from, to, municipality, kpi, key) goes along as it came; the KPI API checks it.
    RequestDispatcher dispatcher = request.getServletContext().getRequestDispatcher(target);
    CapturedResponse captured = new CapturedResponse(response);
    dispatcher.forward(request, captured);
    String type = captured.getContentType() == null ? MediaType.APPLICATION_JSON + ";charset=UTF-8"
        : captured.getContentType();
    return Response.status(captured.getStatus()).type(type).entity(captured.body()).build();
  }

}
