package dk.enplan.plan;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SectorReportRepository extends JpaRepository<SectorReport, Long> {

  List<SectorReport> findByCourseIdAndKindOrderById(String courseId, SectorReport.Kind kind);
}
